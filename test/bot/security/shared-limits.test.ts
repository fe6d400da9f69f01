// Rate limits hold across instances when MongoDB is the store: two servers on one database,
// one client's requests alternating between them, meet one budget, not one each. Over HTTP on
// both servers. (On the embedded store there is one instance; its limits are its own.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import mongoose from 'mongoose';
import { startTestServer, type TestServer } from '../../helpers/app';
import { MONGODB_URI, mongoSkip, RUN_TAG, uriWithDatabase } from '../../helpers/mongo-uri';

describe('rate limits shared by two instances on MongoDB', { skip: mongoSkip }, () => {
  const uri = MONGODB_URI ? uriWithDatabase(MONGODB_URI, `limits_${RUN_TAG}`) : '';
  const env = { MONGODB_URI: uri, RATE_LIMIT_PER_MINUTE: '30' };
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    a = await startTestServer({ env });
    b = await startTestServer({ env });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    const conn = await mongoose.createConnection(uri).asPromise();
    await conn.dropDatabase();
    await conn.close();
  });

  test('the public API: 30 requests a minute in all, whichever instance answers them', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await (i % 2 ? b : a).json('/api/menu')).status);
    assert.deepEqual(statuses, [...Array(30).fill(200), 429]);
    const onA = await a.json('/api/menu');
    assert.equal(onA.status, 429);
    assert.equal(onA.body.error, 'rate_limited');
  });

  test("the web chat: one conversation's polls count on both instances", async () => {
    const open = await a.json('/webchat/api/conversations', { body: { locale: 'fr-FR' } });
    assert.equal(open.status, 201);
    const poll = (s: TestServer) =>
      s.json(`/webchat/api/messages?conversationId=${encodeURIComponent(open.body.conversationId)}&after=0`);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await poll(i % 2 ? b : a)).status);
    assert.deepEqual(statuses, [...Array(20).fill(200), 429]);
  });
});
