// Callback tasks: a caller asked for a person, the transfer to the restaurant was not answered
// (busy, no answer, failed), and staff owe them a call. The caller may have left a message; its
// recording and transcript arrive later, each from its own webhook, so a task is created once
// and then patched field by field.
import type { Language } from './model';

/** Why the caller did not reach a person. */
export type MissedReason = 'busy' | 'no-answer' | 'failed' | 'canceled' | 'no-number' | 'forwarded-back';

export type TranscriptStatus = 'none' | 'pending' | 'completed' | 'failed';

export interface CallbackTask {
  /** The call's CallSid: one task per call, so a retried webhook finds the same task. */
  id: string;
  conversationId: string;
  /** The caller's number (E.164), or null when it was withheld. */
  phone: string | null;
  language: Language;
  reason: MissedReason;
  /** Where the message can be listened to (the provider's recording), null when none was left. */
  recordingUrl: string | null;
  recordingSeconds: number | null;
  transcript: string | null;
  transcriptStatus: TranscriptStatus;
  done: boolean;
  doneAt: string | null;
  /** The staff user who marked it done. */
  doneBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields a later webhook or a staff action may change. */
export type CallbackPatch = Partial<
  Pick<
    CallbackTask,
    'recordingUrl' | 'recordingSeconds' | 'transcript' | 'transcriptStatus' | 'done' | 'doneAt' | 'doneBy'
  >
>;

export interface CallbackQuery {
  /** Only open (false) or only done (true) tasks; both when absent. */
  done?: boolean;
  limit: number;
}

/** The store concern of callback tasks (both stores implement it; one contract suite). */
export interface CallbackStore {
  /** Inserts the task; false (and nothing changes) when a task with that id exists. */
  createCallbackTask(task: CallbackTask): Promise<boolean>;
  /**
   * Sets the given fields (and updatedAt) on the task, leaving the others as they are, so two
   * webhooks patching different fields at once both land. Returns the task after, or null.
   */
  patchCallbackTask(id: string, patch: CallbackPatch, now: Date): Promise<CallbackTask | null>;
  getCallbackTask(id: string): Promise<CallbackTask | null>;
  /** Newest first. */
  listCallbackTasks(query: CallbackQuery): Promise<CallbackTask[]>;
}

/** A new task for a caller nobody answered. */
export function newCallbackTask(fields: {
  id: string;
  conversationId: string;
  phone: string | null;
  language: Language;
  reason: MissedReason;
  now: Date;
}): CallbackTask {
  const at = fields.now.toISOString();
  return {
    id: fields.id,
    conversationId: fields.conversationId,
    phone: fields.phone,
    language: fields.language,
    reason: fields.reason,
    recordingUrl: null,
    recordingSeconds: null,
    transcript: null,
    transcriptStatus: 'none',
    done: false,
    doneAt: null,
    doneBy: null,
    createdAt: at,
    updatedAt: at,
  };
}
