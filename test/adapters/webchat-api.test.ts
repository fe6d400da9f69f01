// The web chat's HTTP API with a scripted bot: start, talk, resume after a reload, retries,
// bad input, cross-origin calls, the widget bundle and the demo page.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ConversationView, TurnView } from '../../adapters/webchat-protocol';
import { startHarness, type Harness } from './adapter-harness';

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(base + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'https://bistro.example', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, json: (await r.json().catch(() => null)) as unknown };
}

describe('Web chat API', () => {
  let h: Harness;
  const widgetDir = mkdtempSync(join(tmpdir(), 'widget-'));
  before(async () => {
    writeFileSync(join(widgetDir, 'widget.js'), 'console.log("widget")');
    h = await startHarness({ widgetFiles: [join(widgetDir, 'missing.js'), join(widgetDir, 'widget.js')] });
  });
  after(() => h.close());

  it("starts a conversation with the bot's greeting, in the page's language", async () => {
    const r = await post(h.base, '/webchat/api/conversations', { locale: 'en-GB' });
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    const view = r.json as ConversationView;
    assert.match(view.conversationId, /^webchat:[0-9a-f-]{36}$/);
    assert.equal(view.locale, 'en-US');
    assert.equal(view.restaurantName, 'Le Petit Bistro');
    assert.deepEqual(
      view.messages.map((m) => [m.seq, m.from, m.text]),
      [[1, 'bot', 'Hello, Le Petit Bistro, how can I help?']],
    );
    const join = h.bot.seen.find((a) => a.conversation?.id === view.conversationId);
    assert.equal(join?.type, 'conversationUpdate');
    assert.equal(join?.channelId, 'webchat');
    assert.equal(join?.from?.id, view.conversationId);
  });

  it('runs a message as a turn, and resumes the conversation (history, no new greeting) after a reload', async () => {
    const open = (await post(h.base, '/webchat/api/conversations', { locale: 'fr-FR' })).json as ConversationView;
    const turn = await post(h.base, '/webchat/api/messages', {
      conversationId: open.conversationId,
      text: 'une table pour 2',
      clientMessageId: 'c-1',
      locale: 'fr-FR',
    });
    assert.equal(turn.status, 200);
    assert.deepEqual(
      (turn.json as TurnView).messages.map((m) => [m.seq, m.from, m.text]),
      [
        [2, 'guest', 'une table pour 2'],
        [3, 'bot', 'echo: une table pour 2'],
      ],
    );
    const msg = h.bot.messages().find((a) => a.conversation?.id === open.conversationId);
    assert.equal(msg?.from?.id, open.conversationId);
    assert.equal(msg?.locale, 'fr-FR');

    const greetings = h.bot.seen.filter((a) => a.type === 'conversationUpdate').length;
    const again = await post(h.base, '/webchat/api/conversations', {
      conversationId: open.conversationId,
      locale: 'fr-FR',
    });
    assert.equal(again.status, 200);
    const view = again.json as ConversationView;
    assert.equal(view.conversationId, open.conversationId);
    assert.equal(view.restarted, false);
    assert.deepEqual(
      view.messages.map((m) => m.seq),
      [1, 2, 3],
    );
    assert.equal(h.bot.seen.filter((a) => a.type === 'conversationUpdate').length, greetings);

    const since = await fetch(
      `${h.base}/webchat/api/messages?conversationId=${encodeURIComponent(open.conversationId)}&after=2`,
    );
    assert.deepEqual(
      ((await since.json()) as TurnView).messages.map((m) => m.seq),
      [3],
    );
  });

  it('does not run a resent message twice (same clientMessageId), even concurrently', async () => {
    const open = (await post(h.base, '/webchat/api/conversations', {})).json as ConversationView;
    const body = { conversationId: open.conversationId, text: 'slow 100', clientMessageId: 'dup-1' };
    const before = h.bot.messages().length;
    const [a, b] = await Promise.all([
      post(h.base, '/webchat/api/messages', body),
      post(h.base, '/webchat/api/messages', body),
    ]);
    assert.deepEqual(a.json, b.json);
    assert.equal(h.bot.messages().length, before + 1);
  });

  it("passes on the bot's quick answers", async () => {
    const open = (await post(h.base, '/webchat/api/conversations', {})).json as ConversationView;
    const r = await post(h.base, '/webchat/api/messages', {
      conversationId: open.conversationId,
      text: 'menu',
      clientMessageId: 'm-1',
    });
    assert.deepEqual((r.json as TurnView).messages[1].suggestions, ['Oui', 'Non']);
  });

  it('replaces an unknown conversation id with a new conversation', async () => {
    const r = await post(h.base, '/webchat/api/conversations', {
      conversationId: 'webchat:11111111-2222-4333-8444-555555555555',
    });
    assert.equal(r.status, 201);
    const view = r.json as ConversationView;
    assert.equal(view.restarted, true);
    assert.notEqual(view.conversationId, 'webchat:11111111-2222-4333-8444-555555555555');
  });

  it('answers bad input with 4xx in the error shape, never 500', async () => {
    const open = (await post(h.base, '/webchat/api/conversations', {})).json as ConversationView;
    const cases: Array<[unknown, number]> = [
      [{ text: 'hi' }, 400],
      [{ conversationId: 'webchat:../../etc', text: 'hi' }, 400],
      [{ conversationId: open.conversationId, text: 42 }, 400],
      [{ conversationId: open.conversationId, text: '   ' }, 400],
      [{ conversationId: open.conversationId, text: 'x'.repeat(10_000) }, 400],
      [{ conversationId: open.conversationId, text: 'hi', clientMessageId: '<script>' }, 400],
      [{ conversationId: 'webchat:11111111-2222-4333-8444-555555555555', text: 'hi' }, 404],
      [[1, 2, 3], 400],
    ];
    for (const [body, status] of cases) {
      const r = await post(h.base, '/webchat/api/messages', body);
      assert.equal(r.status, status, JSON.stringify(body).slice(0, 60));
      assert.equal(typeof (r.json as { error?: unknown }).error, 'string');
    }
    // Malformed JSON is refused by the server's body parser before the adapter (400 either way).
    assert.equal((await post(h.base, '/webchat/api/messages', '{not json')).status, 400);
    const form = await fetch(`${h.base}/webchat/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    assert.equal(form.status, 415);
    const junk = await post(h.base, '/webchat/api/messages', {
      conversationId: open.conversationId,
      text: '\u0000\u0001 bonjour \uFFFF',
      clientMessageId: 'j-1',
    });
    assert.equal(junk.status, 200);
    assert.equal((junk.json as TurnView).messages[0].text, 'bonjour');
  });

  it("answers the CORS preflight of a restaurant's site", async () => {
    const r = await fetch(`${h.base}/webchat/api/messages`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://bistro.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.match(r.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
  });

  it('serves the widget bundle and a demo page carrying the one script tag', async () => {
    const js = await fetch(`${h.base}/webchat/widget.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await js.text(), 'console.log("widget")');
    const demo = await fetch(`${h.base}/webchat/demo`);
    assert.equal(demo.status, 200);
    const html = await demo.text();
    assert.ok(html.includes(`<script src="${h.base}/webchat/widget.js" async></script>`));
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /Le Petit Bistro/);
  });
});
