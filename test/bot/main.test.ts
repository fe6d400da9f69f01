// `npm start` on a new store without ADMIN_EMAIL/ADMIN_PASSWORD: it still says how to log in,
// but the generated password is never printed: it is in a file only its owner can read.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

describe('start-up', () => {
  let child: ChildProcess | null = null;
  after(() => {
    if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
  });

  it('says how to log in without printing the generated password', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'maitre-start-')), 'data');
    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
    for (const k of ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'MONGODB_URI', 'NODE_ENV', 'JWT_SECRET']) delete env[k];
    const server = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    let out = '';
    server.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const loginLine = await new Promise<string>((resolve, reject) => {
      server.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const line = /admin login: .*/.exec(out)?.[0];
        if (line && /Maître is serving/.test(out)) resolve(line);
      });
      server.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const file = /password in (\S+)/.exec(loginLine)?.[1];
    assert.ok(file, loginLine);
    assert.equal(file, join(dataDir, 'first-admin-password.txt'));
    assert.equal((statSync(file).mode & 0o777).toString(8), '600');
    const password = readFileSync(file, 'utf8').trim();
    assert.ok(password.length >= 10);
    assert.ok(!out.includes(password), 'the password is not in the output');

    const base = /at (http:\/\/\S+)/.exec(out)?.[1];
    assert.ok(base, out);
    const login = await fetch(`${base.replace('localhost', '127.0.0.1')}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: /admin login: (\S+),/.exec(loginLine)?.[1], password }),
    });
    assert.equal(login.status, 200, 'the file holds the password that logs in');
  });
});
