// Optional language model: with an OpenAI-compatible key, free text the grammar could not read
// is sent to a chat model that answers the same fields as JSON. Its answer is checked by a
// schema (anything malformed is dropped), and the booking core still checks every value.
// Never throws, gives up quickly: a slow or broken model just means "no help this turn".
import OpenAI from 'openai';
import { z } from 'zod';
import { isValidDate, isValidTime } from '../../booking-core/clock';
import { localNow } from './calendar';
import { INTENTS, type Intent, type Understanding, type UnderstandContext } from './types';

export interface LlmOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  /** Milliseconds before giving up (default 3000). */
  timeoutMs?: number;
}

export type LlmUnderstander = (text: string, ctx: UnderstandContext) => Promise<Partial<Understanding> | null>;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// null is how models say "not given"; it is accepted and dropped.
const answerSchema = z.object({
  intent: z.enum(INTENTS as [Intent, ...Intent[]]).nullish(),
  partySize: z.number().int().min(1).max(999).nullish(),
  date: z.string().refine(isValidDate, 'YYYY-MM-DD').nullish(),
  time: z.string().refine(isValidTime, 'HH:mm').nullish(),
  partOfDay: z.enum(['lunch', 'dinner']).nullish(),
  name: z.string().trim().min(1).max(80).nullish(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .nullish(),
  email: z.email().nullish(),
  yesNo: z.enum(['yes', 'no']).nullish(),
  choice: z.number().int().min(1).max(20).nullish(),
});

function systemPrompt(ctx: UnderstandContext): string {
  const t = localNow(ctx.now, ctx.timezone);
  return [
    "You read one message a guest sent to a restaurant's reservation assistant (French or English).",
    `The restaurant's local date is ${t.date} (${WEEKDAYS[t.weekday]}), local time ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}, timezone ${ctx.timezone}.`,
    ctx.expecting ? `The assistant has just asked for: ${ctx.expecting}.` : '',
    'Answer with one JSON object and nothing else, with these keys (null when the message does not say):',
    `intent (one of ${INTENTS.join(', ')}; "book" when it gives booking details), partySize (integer),`,
    'date (YYYY-MM-DD, the next such date in the future), time (HH:mm 24h; a bare hour from 1 to 11 means pm),',
    'partOfDay ("lunch" or "dinner" when no exact time), name (the name the booking is under), phone (E.164),',
    'email, yesNo ("yes" or "no"), choice (integer, when the guest picks one of several offered options).',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Only the fields the model gave, validated. */
export function parseModelAnswer(content: string | null | undefined): Partial<Understanding> | null {
  if (!content) return null;
  let json: unknown;
  try {
    json = JSON.parse(content.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    return null;
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) return null;
  const out: Partial<Understanding> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== null && value !== undefined) Object.assign(out, { [key]: value });
  }
  return out;
}

export function createLlmUnderstander(options: LlmOptions): LlmUnderstander {
  const timeout = options.timeoutMs ?? 3000;
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, timeout, maxRetries: 0 });
  const model = options.model ?? 'gpt-4o-mini';
  return async (text, ctx) => {
    try {
      const completion = await client.chat.completions.create(
        {
          model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: systemPrompt(ctx) },
            { role: 'user', content: text.slice(0, 1000) },
          ],
        },
        { timeout, signal: AbortSignal.timeout(timeout) },
      );
      return parseModelAnswer(completion.choices[0]?.message?.content);
    } catch {
      return null;
    }
  };
}
