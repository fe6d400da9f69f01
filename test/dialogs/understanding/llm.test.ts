// The optional language model, against a local HTTP server speaking the OpenAI
// chat-completions API: good answers are used, bad ones, errors and slowness give null.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLlmUnderstander } from '../../../dialogs/understanding/llm';
import { ZONE, paris } from './table';

type Reply = { status?: number; content?: string; delayMs?: number; raw?: string };
let reply: Reply = {};
const seen: {
  auth?: string;
  body: { model?: string; response_format?: unknown; messages?: { role: string; content: string }[] };
}[] = [];
let server: Server;
let baseURL = '';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}

before(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    seen.push({ auth: req.headers.authorization, body: JSON.parse(body || '{}') });
    const { status = 200, content = '{}', delayMs = 0, raw } = reply;
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        raw ??
          JSON.stringify(
            status === 200
              ? {
                  id: 'chatcmpl-test',
                  object: 'chat.completion',
                  created: 0,
                  model: 'test-model',
                  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
                }
              : { error: { message: 'nope', type: 'server_error' } },
          ),
      );
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const ctx = { lang: 'fr' as const, now: paris('2026-11-22 18:00'), timezone: ZONE, expecting: 'date' as const };
// Generous for normal answers (a loaded CI machine), short where the timeout itself is tested.
const llm = (timeoutMs = 5000) => createLlmUnderstander({ apiKey: 'sk-test', baseURL, model: 'test-model', timeoutMs });

test('a valid JSON answer becomes the fields it gives (nulls dropped)', async () => {
  reply = {
    content: JSON.stringify({
      intent: 'book',
      partySize: 4,
      date: '2026-12-24',
      time: '20:30',
      name: 'Dupont',
      partOfDay: null,
      phone: null,
    }),
  };
  const got = await llm()('le réveillon de Noël, quatre, vers 20h30, Dupont', ctx);
  assert.deepEqual(got, { intent: 'book', partySize: 4, date: '2026-12-24', time: '20:30', name: 'Dupont' });
  const last = seen[seen.length - 1];
  assert.equal(last.auth, 'Bearer sk-test');
  assert.equal(last.body.model, 'test-model');
  assert.deepEqual(last.body.response_format, { type: 'json_object' });
  const system = last.body.messages?.[0].content ?? '';
  assert.match(system, /2026-11-22 \(Sunday\)/);
  assert.match(system, /asked for: date/);
});

test('answers that break the schema give null', async () => {
  for (const content of [
    'not json at all',
    JSON.stringify({ intent: 'dance' }),
    JSON.stringify({ partySize: 'four' }),
    JSON.stringify({ date: '2026-02-30' }),
    JSON.stringify({ time: '8pm' }),
    JSON.stringify({ phone: '0612345678' }),
    JSON.stringify([1, 2]),
  ]) {
    reply = { content };
    assert.equal(await llm()('x', ctx), null, content);
  }
});

test('a fenced JSON answer is still read', async () => {
  reply = { content: '```json\n{"yesNo": "yes", "intent": "yes"}\n```' };
  assert.deepEqual(await llm()('ouais carrément', ctx), { yesNo: 'yes', intent: 'yes' });
});

test('server errors, garbage bodies and timeouts give null, never throw', async () => {
  reply = { status: 500 };
  assert.equal(await llm()('x', ctx), null);
  reply = { raw: '<html>' };
  assert.equal(await llm()('x', ctx), null);
  reply = { content: '{}', delayMs: 1500 };
  const started = Date.now();
  assert.equal(await llm(300)('x', ctx), null);
  assert.ok(Date.now() - started < 1300, 'gives up at its timeout');
});

test('an unreachable server gives null', async () => {
  const dead = createLlmUnderstander({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', timeoutMs: 300 });
  assert.equal(await dead('x', ctx), null);
});
