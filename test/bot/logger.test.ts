// The server's log: phone numbers masked, levels from what a line says, JSON in production.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { lineLogger, maskLine, maskPhones } from '../../bot/logger';
import { startTestServer, TWILIO_TOKEN } from '../helpers/app';

describe('server log', () => {
  it('masks phone numbers in any spelling, keeping times, dates and ids', () => {
    for (const phone of ['+33 6 12 34 56 78', '+33612345678', '06.12.34.56.78', '(415) 555-0134'])
      assert.doesNotMatch(maskPhones(`sms from ${phone} at 19:30`), /12 ?34|1234|555/, phone);
    assert.equal(maskPhones('booked 2026-11-24 19:30 for 4'), 'booked 2026-11-24 19:30 for 4');
    const id = 'req=85b51234-5678-488a-a324-f62b95f02e1d';
    assert.equal(maskPhones(id), id);
  });

  it('shows a number as +33 6•• •• •• 78: country, first digit and last two', () => {
    assert.equal(maskPhones('sms from +33 6 12 34 56 78'), 'sms from +33 6•• •• •• 78');
    assert.equal(maskPhones('call from +33612345678 ended'), 'call from +33 6•• •• •• 78 ended');
    assert.equal(maskPhones('+44 7400 123456'), '+44 7• •• •• •• 56');
  });

  it('never writes a password or a token in clear', () => {
    const line = maskLine('smtp://bistro:S3cret-pass@mail.example.test:587 {"password":"Hunter-22"} token=abc.def.ghi');
    for (const secret of ['S3cret-pass', 'Hunter-22', 'abc.def.ghi']) assert.ok(!line.includes(secret), line);
    assert.match(line, /smtp:\/\/bistro:•••@mail\.example\.test/);
  });

  it('turns "[component] message" lines into JSON records with a level, masked', () => {
    const lines: string[] = [];
    const logger = pino({ base: null }, { write: (l: string) => lines.push(l) });
    const log = lineLogger(logger);
    log('[outbox] sent sms to +33612345678');
    log('[outbox] send failed: timeout');
    const [sent, failed] = lines.map((l) => JSON.parse(l));
    assert.equal(sent.component, 'outbox');
    assert.equal(sent.level, 30);
    assert.equal(sent.msg, 'sent sms to +33 6•• •• •• 78');
    assert.equal(failed.level, 40);
  });

  it('gives each request an id, answered in X-Request-Id and written in its log line', async () => {
    const s = await startTestServer();
    try {
      const res = await fetch(`${s.base}/health`);
      const id = res.headers.get('x-request-id');
      assert.ok(id && id.length >= 8);
      const again = await fetch(`${s.base}/health`);
      assert.notEqual(again.headers.get('x-request-id'), id);
      const deadline = Date.now() + 2000;
      while (!s.logs.some((l) => l.includes(`req=${id}`)) && Date.now() < deadline)
        await new Promise((r) => setImmediate(r));
      assert.ok(s.logs.some((l) => l.startsWith('[http] GET /health 200') && l.includes(`req=${id}`)));
    } finally {
      await s.close();
    }
  });

  it("marks every line of a conversation turn with the turn's id and its request's id", async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createApp } = await import('../../bot/app');
    const { loadConfig } = await import('../../bot/config');
    const { sid, twilioPost } = await import('../adapters/adapter-harness');
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ base: null }, { write: (l: string) => lines.push(JSON.parse(l)) });
    const app = await createApp(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'maitre-log-')),
        JWT_SECRET: 'test-jwt-secret-0123456789abcdef',
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        NODE_ENV: 'test',
      }),
      { log: lineLogger(logger) },
    );
    await app.listen();
    try {
      const address = app.ctx.httpServer.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      app.ctx.config.publicBaseUrl = base;
      const sms = (Body: string) => ({
        MessageSid: sid('SM'),
        AccountSid: `AC${'0'.repeat(32)}`,
        From: '+33612340777',
        To: '+33100000000',
        Body,
        NumMedia: '0',
      });
      const first = await twilioPost(base, '/twilio/messaging', sms('Bonjour, une table pour 2 demain à 20h'));
      const second = await twilioPost(base, '/twilio/messaging', sms('Au nom de Lefèvre'));
      const turns = lines.filter((l) => l.component === 'turn');
      assert.equal(turns.length, 2, JSON.stringify(lines));
      const [a, b] = turns;
      assert.match(String(a.turn), /^[0-9a-f]{8}$/);
      assert.notEqual(a.turn, b.turn);
      assert.equal(a.reqId, first.headers.get('x-request-id'));
      assert.equal(b.reqId, second.headers.get('x-request-id'));
      assert.match(String(a.msg), /^sms message: \d+ replies in/);
      assert.doesNotMatch(JSON.stringify(lines), /612340777/);
    } finally {
      await app.close();
    }
  });
});
