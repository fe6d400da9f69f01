// What the whole server answers whatever the route, over HTTP: /health tells when the store is
// gone, every HTML page has the same content policy and refuses framing, and production serves
// no source maps.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MONGODB_URI, mongoSkip, RUN_TAG, uriWithDatabase } from '../helpers/mongo-uri';
import { startTestServer, type TestServer } from '../helpers/app';

const headersOf = async (base: string, path: string) => {
  const r = await fetch(base + path);
  await r.arrayBuffer();
  return {
    status: r.status,
    type: r.headers.get('content-type') ?? '',
    csp: r.headers.get('content-security-policy'),
    frame: r.headers.get('x-frame-options'),
  };
};

describe('HTML pages', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(() => s.close());

  it('/, /dashboard/index.html and /webchat/demo send the same CSP and frame headers', async () => {
    const pages = await Promise.all(['/', '/dashboard/index.html', '/webchat/demo'].map((p) => headersOf(s.base, p)));
    for (const page of pages) {
      assert.equal(page.status, 200);
      assert.match(page.type, /text\/html/);
      assert.equal(page.frame, 'DENY');
      assert.match(page.csp ?? '', /frame-ancestors 'none'/);
      assert.match(page.csp ?? '', /script-src 'self'/);
      assert.equal(page.csp, pages[0].csp);
    }
  });

  it('outside production the source maps are there for debugging', async () => {
    assert.equal((await headersOf(s.base, '/webchat/widget.js.map')).status, 200);
    assert.equal((await headersOf(s.base, '/dashboard/app.js.map')).status, 200);
  });
});

describe('in production', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ env: { NODE_ENV: 'production' } });
  });
  after(() => s.close());

  it('serves no source maps, but the scripts still', async () => {
    assert.equal((await headersOf(s.base, '/webchat/widget.js.map')).status, 404);
    assert.equal((await headersOf(s.base, '/dashboard/app.js.map')).status, 404);
    assert.equal((await headersOf(s.base, '/webchat/widget.js')).status, 200);
    assert.equal((await headersOf(s.base, '/dashboard/app.js')).status, 200);
  });
});

describe('the embedded database', () => {
  it('lives in a folder only its owner opens (0700), in files only its owner reads (0600)', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'maitre-modes-')), 'data');
    const s = await startTestServer({ dataDir });
    try {
      const booked = await s.json('/api/availability?date=2026-12-04&partySize=2');
      assert.equal(booked.status, 200);
      const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
      assert.equal(mode(dataDir), '700');
      const files = ['maitre.db', 'maitre.db-wal', 'maitre.db-shm'].map((f) => join(dataDir, f));
      for (const f of files) {
        assert.ok(existsSync(f), f);
        assert.equal(mode(f), '600', f);
      }
    } finally {
      await s.close();
    }
  });
});

describe('/health', () => {
  it('answers 503 with "store":"down" once the embedded store is closed', async () => {
    const s = await startTestServer();
    try {
      const up = await s.json('/health');
      assert.equal(up.status, 200);
      assert.equal(up.body.store, 'sqlite');
      await s.app.ctx.store.close();
      const down = await s.json('/health');
      assert.equal(down.status, 503);
      assert.equal(down.body.store, 'down');
      assert.equal(down.body.error, 'unavailable_service');
    } finally {
      await s.close().catch(() => undefined);
    }
  });

  it('answers 503 while the MongoDB server cannot be reached, and 200 once it is back', {
    skip: mongoSkip,
  }, async () => {
    const target = new URL(MONGODB_URI.replace(/^mongodb:/, 'http:'));
    // A TCP relay in front of the database, which the test cuts like a lost network.
    const sockets = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 27017), target.hostname);
      for (const sock of [client, upstream]) {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
        sock.on('error', () => sock.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const port = (relay.address() as net.AddressInfo).port;
    const viaRelay = uriWithDatabase(MONGODB_URI, `health_${RUN_TAG}`).replace(/\/\/[^/]+\//, `//127.0.0.1:${port}/`);
    const s = await startTestServer({ env: { MONGODB_URI: viaRelay } });
    try {
      assert.equal((await s.json('/health')).body.store, 'mongo');

      relay.close();
      for (const sock of sockets) sock.destroy();
      const down = await s.json('/health');
      assert.equal(down.status, 503);
      assert.equal(down.body.store, 'down');

      await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
      let back = down;
      for (let i = 0; i < 40 && back.status !== 200; i++) back = await s.json('/health');
      assert.equal(back.status, 200, 'the store answers again');
      assert.equal(back.body.store, 'mongo');
    } finally {
      relay.close();
      for (const sock of sockets) sock.destroy();
      await s.close().catch(() => undefined);
    }
  });
});
