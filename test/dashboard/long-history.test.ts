// A restaurant with a long history: lists, lookups and counts are answered from the whole of it,
// not from its latest few thousand records (each case is one past the old limit).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OutboxEntry, TranscriptEntry } from '../../booking-core';
import { startTestServer, type TestServer } from '../helpers/app';

const DAY = '2026-11-20';
/** The n-th conversation of the day, started n milliseconds after 10:00 UTC (11:00 in Paris). */
const at = (n: number) => new Date(Date.parse(`${DAY}T10:00:00Z`) + n).toISOString();

describe('a long history', () => {
  let s: TestServer;
  let token: string;
  before(async () => {
    s = await startTestServer();
    token = await s.login();
  });
  after(() => s.close());

  /** `count` SMS conversations of one message each; the first (oldest) is a voice call handed to staff. */
  async function conversations(count: number): Promise<string> {
    const entries: TranscriptEntry[] = [];
    for (let i = 0; i < count; i++)
      entries.push({
        conversationId: i === 0 ? 'voice:CAoldest' : `sms:+3361${String(i).padStart(7, '0')}`,
        channel: i === 0 ? 'voice' : 'sms',
        from: 'guest',
        text: 'Bonjour',
        at: at(i),
      });
    const store = s.app.ctx.store;
    if (store.appendTranscripts) await store.appendTranscripts(entries);
    else for (const e of entries) await store.appendTranscript(e);
    await store.setConversationOutcome('voice:CAoldest', 'handoff:asked');
    return 'voice:CAoldest';
  }

  it('insights count every conversation of the period (5,001), the oldest handoff included', async () => {
    await conversations(5001);
    const r = await s.json(`/api/admin/insights?from=${DAY}&to=${DAY}`, { token });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.conversations.total, 5001);
    assert.equal(r.body.conversations.handoff, 1);
  });

  it('the oldest of 5,001 conversations opens with its summary, and a channel filter finds it', async () => {
    const opened = await s.json('/api/admin/conversations/voice%3ACAoldest', { token });
    assert.equal(opened.status, 200);
    assert.equal(opened.body.summary?.id, 'voice:CAoldest');
    assert.equal(opened.body.summary?.outcome, 'handoff:asked');
    const voice = await s.json('/api/admin/conversations?channel=voice', { token });
    assert.deepEqual(
      voice.body.map((c: { id: string }) => c.id),
      ['voice:CAoldest'],
    );
    const handoffs = await s.json('/api/admin/conversations?outcome=handoff', { token });
    assert.deepEqual(
      handoffs.body.map((c: { id: string }) => c.id),
      ['voice:CAoldest'],
    );
  });

  it('a failed message older than the latest 5,000 can still be sent again', async () => {
    const store = s.app.ctx.store;
    const entry = (n: number, patch: Partial<OutboxEntry> = {}): OutboxEntry => ({
      id: randomUUID(),
      kind: 'email',
      to: 'ops@example.test',
      subject: 'Test',
      body: 'Bonjour',
      meta: { purpose: 'test' },
      status: 'sent',
      attempts: 1,
      lastError: null,
      nextAttemptAt: at(n),
      leaseUntil: null,
      leaseOwner: null,
      reservationId: null,
      dedupeKey: null,
      createdAt: at(n),
      sentAt: at(n),
      ...patch,
    });
    const oldest = entry(0, { status: 'failed', lastError: 'SMTP refused', sentAt: null });
    await store.enqueueOutbox(oldest);
    for (let i = 1; i <= 5000; i++) await store.enqueueOutbox(entry(i));
    const failed = await s.json('/api/admin/outbox?status=failed', { token });
    assert.deepEqual(
      failed.body.map((e: { id: string }) => e.id),
      [oldest.id],
    );
    const retried = await s.json(`/api/admin/outbox/${oldest.id}/retry`, { method: 'POST', token });
    assert.equal(retried.status, 202, JSON.stringify(retried.body));
    // Queued again (the worker then tries it: with no SMTP here it ends not configured, not failed).
    assert.equal(retried.body.status, 'pending');
    assert.notEqual((await store.getOutbox(oldest.id))?.status, 'failed');
  });
});
