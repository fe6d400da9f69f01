// Notifications: which messages a booking event causes, their texts, reminder times, the
// retry policy, and the guest's answer to a reminder. Pure apart from the store documents.
export * from './texts';
export * from './facts';
export * from './plan';
export * from './reminders';
export * from './backoff';
export * from './documents';
export * from './answer';
export * from './sms-encoding';
export * from './delivery';
export * from './calendar';
export * from './email-html';
