// The booking core's public face: what dialogs and the server may use.
export * from './model';
export * from './errors';
export * from './clock';
export * from './claims';
export * from './events';
export * from './availability';
export * from './assignment';
export * from './booking-service';
export * from './demo-restaurant';
export type * from './store';
export type * from './records';
export * from './waitlist';
export * from './waitlist-service';
export * from './money';
export * from './callbacks';
