// Two (or more) `node dist/server.js` processes on one MongoDB database, driven the way Twilio,
// a website and the web chat widget drive them. Every instance is started with the same
// PUBLIC_BASE_URL, so a webhook signed for that URL verifies on whichever port it is sent to
// (as behind a load balancer). The processes' output is kept so tests can look for leaks in it.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ADMIN = { email: 'owner@example.test', password: 'Stress-Admin-Pass-7788!' };
export const SECRETS = {
  jwt: 'stress-jwt-secret-4f1c9a77d2e0b3c5a6',
  twilioToken: 'stress-twilio-token-9b8c7d6e5f4a3b2c',
  adminPassword: ADMIN.password,
};
/** The URL Twilio "calls": signatures are computed against it, whichever instance answers. */
export const PUBLIC_BASE_URL = 'https://maitre-stress.example.test';

export interface Instance {
  name: string;
  child: ChildProcess;
  base: string;
  output: string[];
}

const here = process.cwd();

export function ensureBuilt(): void {
  if (existsSync(join(here, 'dist/server.js'))) return;
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: here, stdio: 'inherit' });
  assert.equal(built.status, 0, 'npm run build');
}

export function startInstance(name: string, env: { MONGODB_URI: string; DATA_DIR: string }): Promise<Instance> {
  const child = spawn(process.execPath, [join(here, 'dist/server.js')], {
    cwd: here,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
      JWT_SECRET: SECRETS.jwt,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TWILIO_AUTH_TOKEN: SECRETS.twilioToken,
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_PHONE_NUMBER: '+33100000000',
      NODE_ENV: 'production',
      RATE_LIMIT_PER_MINUTE: '100000',
      // Every simulated guest books from this machine's one address.
      BOOKINGS_PER_ADDRESS_PER_HOUR: '100000',
      PUBLIC_BASE_URL,
      OPENAI_API_KEY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = { name, child, base: '', output: [] };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start in 60 s:\n${instance.output.join('')}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      instance.output.push(chunk.toString());
      const m = /serving ".*" at (http:\/\/[^\s]+)/.exec(instance.output.join(''));
      if (m && !instance.base) {
        instance.base = m[1];
        clearTimeout(timer);
        resolve(instance);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!instance.base) reject(new Error(`${name} exited with ${code}:\n${instance.output.join('')}`));
    });
  });
}

export async function stopInstance(i: Instance): Promise<void> {
  if (i.child.exitCode !== null || i.child.signalCode !== null) return;
  const exited = new Promise((resolve) => i.child.once('exit', resolve));
  i.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
}

/** Twilio's signature: HMAC-SHA1 of the URL then each POST parameter name+value sorted by name. */
export function twilioSignature(url: string, params: Record<string, string>, token = SECRETS.twilioToken): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64');
}

export interface Answer {
  status: number;
  text: string;
  type: string;
}

/** Posts a webhook signed for PUBLIC_BASE_URL + path to the instance at `base`. */
export async function twilioPost(base: string, path: string, params: Record<string, string>): Promise<Answer> {
  const r = await fetch(base + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilioSignature(PUBLIC_BASE_URL + path, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: r.status, text: await r.text(), type: r.headers.get('content-type') ?? '' };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
export function twimlText(xml: string, tags = ['Message', 'Say']): string {
  const out: string[] = [];
  for (const t of tags)
    for (const m of xml.matchAll(new RegExp(`<${t}(?:\\s[^>]*)?>([\\s\\S]*?)</${t}>`, 'g')))
      out.push(decode(m[1].replace(/<[^>]+>/g, '').trim()));
  return out.join(' ');
}

/** The path (after PUBLIC_BASE_URL) of the <Gather>'s action, where the call continues. */
export function gatherAction(xml: string): string {
  const g = /<Gather[^>]*action="([^"]+)"/.exec(xml);
  assert.ok(g, `no <Gather action> in ${xml.slice(0, 300)}`);
  return decode(g[1]).replace(PUBLIC_BASE_URL, '');
}

export async function json(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: any; text: string }> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(base + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body, text };
}

export async function login(base: string): Promise<string> {
  const r = await json(base, '/api/auth/login', { body: ADMIN });
  assert.equal(r.status, 200, r.text);
  return r.body.token as string;
}

export interface StoredReservation {
  id: string;
  customerPhone: string;
  customerName: string;
  partySize: number;
  status: string;
  tableIds: string[];
  startAt: string;
  endAt: string;
  channel: string;
}

export async function reservationsOn(base: string, token: string, date: string): Promise<StoredReservation[]> {
  const r = await json(base, `/api/admin/reservations?date=${date}`, { token });
  assert.equal(r.status, 200, r.text);
  return r.body as StoredReservation[];
}

/** Pairs of live reservations that share a table at overlapping times (must be none). */
export function overlaps(list: StoredReservation[]): Array<[string, string, string[]]> {
  const live = list.filter((r) => !['cancelled', 'no_show'].includes(r.status));
  const bad: Array<[string, string, string[]]> = [];
  for (let i = 0; i < live.length; i++)
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i];
      const b = live[j];
      const shared = a.tableIds.filter((t) => b.tableIds.includes(t));
      if (shared.length && new Date(a.startAt) < new Date(b.endAt) && new Date(b.startAt) < new Date(a.endAt))
        bad.push([a.id, b.id, shared]);
    }
  return bad;
}

export function parisDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

export const CONFIRMED = /réservation est confirmée|reservation is confirmed/i;
export const READ_BACK = /c'est bien ça|c’est bien ça|is that right|is that correct/i;

let sidCounter = 0;
export const newSid = (prefix: string) =>
  prefix + Date.now().toString(16) + String(sidCounter++).padStart(10, '0') + Math.random().toString(16).slice(2, 8);

export function smsParams(from: string, body: string, sid = newSid('SM')): Record<string, string> {
  return {
    MessageSid: sid,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: '+33100000000',
    Body: body,
    NumMedia: '0',
  };
}

export function callParams(callSid: string, from: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CallSid: callSid,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: '+33100000000',
    Direction: 'inbound',
    CallStatus: 'in-progress',
    ...extra,
  };
}

/** Answers what the bot asks (name, phone, read-back) until it confirms or gives up; returns the last reply. */
export async function answerUntilDone(
  say: (text: string) => Promise<string>,
  first: string,
  facts: { name: string; phone: string; yes: string },
): Promise<string> {
  let reply = await say(first);
  for (let i = 0; i < 5; i++) {
    if (CONFIRMED.test(reply)) return reply;
    let next: string | null = null;
    if (READ_BACK.test(reply)) next = facts.yes;
    else if (/téléphone|phone/i.test(reply)) next = facts.phone;
    else if (/quel nom|name/i.test(reply)) next = facts.name;
    if (!next) return reply;
    reply = await say(next);
  }
  return reply;
}
