// The web chat's limits, over HTTP on the whole server, from two client addresses (127.0.0.1
// and 127.0.0.2 reach the same loopback server): opening conversations, messages and polling
// count per address as well as per conversation, and one address meeting its limit does not
// stop another.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../helpers/app';

interface Answer {
  status: number;
  body: any;
}

/** A request to the server from the client address `local`. */
function from(s: TestServer, local: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  const url = new URL(s.base + path);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: local,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const A = '127.0.0.1';
const B = '127.0.0.2';

function chat(s: TestServer, address: string) {
  return {
    open: () => from(s, address, 'POST', '/webchat/api/conversations', { locale: 'fr-FR' }),
    say: (conversationId: string, text: string, clientMessageId: string) =>
      from(s, address, 'POST', '/webchat/api/messages', { conversationId, text, clientMessageId }),
    poll: (conversationId: string) =>
      from(s, address, 'GET', `/webchat/api/messages?conversationId=${encodeURIComponent(conversationId)}&after=0`),
  };
}

describe('web chat limits on openings and polling', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '120' } });
  });
  after(() => s.close());

  test('one address opens at most 10 conversations a minute (of its 120 requests); another still can', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await chat(s, A).open()).status);
    assert.deepEqual(statuses, [...Array(10).fill(201), 429]);
    const other = await chat(s, B).open();
    assert.equal(other.status, 201);
    assert.match(other.body.conversationId, /^webchat:/);
  });

  test('a conversation is polled at most 20 times a minute; another conversation is not held back', async () => {
    const one = (await chat(s, B).open()).body.conversationId as string;
    const two = (await chat(s, B).open()).body.conversationId as string;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await chat(s, B).poll(one)).status);
    assert.deepEqual(statuses, [...Array(20).fill(200), 429]);
    const refused = await chat(s, B).poll(one);
    assert.equal(refused.body.error, 'rate_limited');
    assert.equal((await chat(s, B).poll(two)).status, 200);
  });
});

describe('web chat limits per client address', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '24' } });
  });
  after(() => s.close());

  test('messages spread over several conversations meet the address limit; another address goes on', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await chat(s, A).open()).body.conversationId);
    // Two openings (its most, 24 / 12) used two of the address's 24 requests; 22 messages, 11 each.
    const statuses: number[] = [];
    for (let i = 0; i < 23; i++)
      statuses.push((await chat(s, A).say(ids[i % 2], `bonjour ${i}`, `spread-${i}`)).status);
    assert.deepEqual(statuses, [...Array(22).fill(200), 429]);
    assert.equal((await chat(s, A).poll(ids[0])).status, 429, 'polling counts for the address too');
    const elsewhere = await chat(s, B).say(ids[0], 'bonjour', 'other-address');
    assert.equal(elsewhere.status, 200, 'the same conversation from another address');
  });
});
