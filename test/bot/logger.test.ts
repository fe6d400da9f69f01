// The server's log: phone numbers masked, levels from what a line says, JSON in production.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { lineLogger, maskPhones } from '../../bot/logger';
import { startTestServer } from '../helpers/app';

describe('server log', () => {
  it('masks phone numbers in any spelling, keeping times, dates and ids', () => {
    for (const phone of ['+33 6 12 34 56 78', '+33612345678', '06.12.34.56.78', '(415) 555-0134'])
      assert.doesNotMatch(maskPhones(`sms from ${phone} at 19:30`), /12 ?34|1234|555/, phone);
    assert.equal(maskPhones('booked 2026-11-24 19:30 for 4'), 'booked 2026-11-24 19:30 for 4');
    const id = 'req=85b51234-5678-488a-a324-f62b95f02e1d';
    assert.equal(maskPhones(id), id);
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
    assert.doesNotMatch(sent.msg, /612345678/);
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
});
