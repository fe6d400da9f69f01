// Load and faults against two `node dist/server.js` processes on one MongoDB (FerretDB in CI):
// a mixed burst on every channel, Twilio retrying webhooks concurrently across instances,
// hostile input through the webhooks and web chat, and one instance killed with SIGKILL in the
// middle of phone and SMS conversations that then carry on at the other one. Bounded loops,
// loopback only; the servers' output is searched for secrets at the end.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import mongoose from 'mongoose';
import { MONGODB_URI, mongoSkip, NO_MONGO_REASON, RUN_TAG, uriWithDatabase } from '../helpers/mongo-uri';
import {
  answerUntilDone,
  callParams,
  CONFIRMED,
  ensureBuilt,
  gatherAction,
  json,
  login,
  newSid,
  overlaps,
  parisDate,
  READ_BACK,
  reservationsOn,
  SECRETS,
  smsParams,
  startInstance,
  stopInstance,
  twilioPost,
  twimlText,
  type Instance,
} from './cluster';

const uri = MONGODB_URI ? uriWithDatabase(MONGODB_URI, `stress_${RUN_TAG}`) : '';
const dataDir = mkdtempSync(join(tmpdir(), 'maitre-stress-'));
const instances: Instance[] = [];
/** Every HTTP status seen, to prove no 5xx anywhere. */
const statuses: number[] = [];
const note = (s: number) => {
  statuses.push(s);
  return s;
};
const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const parisTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
/** Demo tables that seat two: T1, T2 and T3–T6. */
const TABLES_FOR_TWO = 6;

if (!MONGODB_URI && process.env.CI === 'true') {
  it('the stress suite runs in CI', () => assert.fail(`${NO_MONGO_REASON} (CI=true: the stress suite is required)`));
} else if (!MONGODB_URI) {
  console.log(`# skipping the stress suite: ${NO_MONGO_REASON}`);
}

const digits = (n: number, width = 8) => String(n).padStart(width, '0');

/** An SMS guest: each turn goes to the instance `pick(turn)` chooses. */
function smsGuest(from: string, pick: (turn: number) => Instance) {
  let turn = 0;
  return async (text: string): Promise<string> => {
    const r = await twilioPost(pick(turn++).base, '/twilio/messaging', smsParams(from, text));
    note(r.status);
    assert.equal(r.status, 200, r.text.slice(0, 300));
    return twimlText(r.text, ['Message']);
  };
}

/** A caller: the incoming webhook, then one Gather action per spoken turn. */
async function voiceCaller(callSid: string, from: string, pick: (turn: number) => Instance) {
  let turn = 0;
  const first = await twilioPost(
    pick(turn++).base,
    '/twilio/voice/incoming',
    callParams(callSid, from, { CallStatus: 'ringing' }),
  );
  note(first.status);
  assert.equal(first.status, 200, first.text.slice(0, 300));
  let xml = first.text;
  return async (speech: string): Promise<string> => {
    const r = await twilioPost(
      pick(turn++).base,
      gatherAction(xml),
      callParams(callSid, from, { SpeechResult: speech, Confidence: '0.93' }),
    );
    note(r.status);
    assert.equal(r.status, 200, r.text.slice(0, 300));
    xml = r.text;
    return twimlText(r.text, ['Say']);
  };
}

async function webchatGuest(locale: 'fr-FR' | 'en-US', pick: (turn: number) => Instance) {
  let turn = 0;
  const open = await json(pick(turn++).base, '/webchat/api/conversations', { body: { locale } });
  note(open.status);
  assert.equal(open.status, 201, open.text);
  const conversationId = open.body.conversationId as string;
  return async (text: string): Promise<string> => {
    const r = await json(pick(turn++).base, '/webchat/api/messages', {
      body: { conversationId, text, clientMessageId: newSid('c'), locale },
    });
    note(r.status);
    assert.equal(r.status, 200, r.text);
    return (r.body.messages as Array<{ from: string; text: string }>)
      .filter((m) => m.from === 'bot')
      .map((m) => m.text)
      .join(' ');
  };
}

describe('two instances on one MongoDB under load and faults', { skip: mongoSkip }, () => {
  let a: Instance;
  let b: Instance;
  let token = '';
  const both = () => [a, b];

  before(async () => {
    ensureBuilt();
    a = await startInstance('A', { MONGODB_URI: uri, DATA_DIR: dataDir });
    instances.push(a);
    b = await startInstance('B', { MONGODB_URI: uri, DATA_DIR: dataDir });
    instances.push(b);
    token = await login(b.base);
  });

  after(async () => {
    for (const i of instances) await stopInstance(i);
    if (uri) {
      const conn = await mongoose.createConnection(uri).asPromise();
      await conn.db?.dropDatabase();
      await conn.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a mixed burst (SMS, voice, web chat, API) over both: no 5xx, no double-booking, each stored once', async () => {
    const date = parisDate(1);
    const times = ['19:00', '19:30', '20:00', '20:30', '21:00', '21:30'];
    const spoken = ['19h', '19h30', '20h', '20h30', '21h', '21h30'];
    const english = ['7pm', '7:30pm', '8pm', '8:30pm', '9pm', '9:30pm'];
    const confirmedPhones: string[] = [];
    const t0 = performance.now();
    const actors = Array.from({ length: 24 }, (_, n) => async () => {
      const pick = (turn: number) => both()[(n + turn) % 2];
      const k = n % 3; // 19:00–20:00 only: 22:00 stays free for the kill test
      const fr = n % 2 === 0;
      const request = fr
        ? `Bonjour, une table pour 2 demain à ${spoken[k]} au nom de Durand`
        : `Hi, a table for 2 tomorrow at ${english[k]}, name is Smith`;
      const facts = { name: fr ? 'Durand' : 'Smith', yes: fr ? 'oui' : 'yes', phone: '' };
      switch (n % 4) {
        case 0: {
          const phone = `+3361${digits(n, 7)}`;
          const r = await json(pick(0).base, '/api/reservations', {
            body: { customerName: `API ${n}`, phoneNumber: phone, partySize: 2, date, time: times[k] },
          });
          note(r.status);
          assert.ok(r.status === 201 || r.status === 409, r.text);
          if (r.status === 201) confirmedPhones.push(phone);
          return;
        }
        case 1: {
          const phone = `+3362${digits(n, 7)}`;
          const last = await answerUntilDone(smsGuest(phone, pick), request, { ...facts, phone });
          if (CONFIRMED.test(last)) confirmedPhones.push(phone);
          return;
        }
        case 2: {
          const phone = `+3363${digits(n, 7)}`;
          const say = await voiceCaller(`CA${digits(n, 6)}${RUN_TAG}${'a'.repeat(20)}`, phone, pick);
          const last = await answerUntilDone(say, request, { ...facts, phone });
          if (CONFIRMED.test(last)) confirmedPhones.push(phone);
          return;
        }
        default: {
          const phone = `+3364${digits(n, 7)}`;
          const say = await webchatGuest(fr ? 'fr-FR' : 'en-US', pick);
          const last = await answerUntilDone(say, request, {
            ...facts,
            phone: fr ? `06 4${digits(n, 7)}`.replace(/(\d{2})(?=\d)/g, '$1 ') : phone,
          });
          if (CONFIRMED.test(last)) confirmedPhones.push(phone);
        }
      }
    });
    await Promise.all(actors.map((run) => run()));
    const seconds = (performance.now() - t0) / 1000;

    const stored = (await reservationsOn(a.base, token, date)).filter((r) => r.status === 'confirmed');
    const bad = overlaps(stored);
    console.log(
      `# mixed burst: 24 guests (6 API, 6 SMS, 6 voice, 6 web chat) over 2 instances in ${seconds.toFixed(1)} s: ` +
        `${confirmedPhones.length} confirmed, ${stored.length} stored, ${bad.length} double-booked, ` +
        `${statuses.filter((s) => s >= 500).length} 5xx`,
    );
    assert.deepEqual(
      statuses.filter((s) => s >= 500),
      [],
    );
    assert.deepEqual(bad, []);
    assert.ok(confirmedPhones.length >= 6, `only ${confirmedPhones.length} bookings confirmed`);
    const digitsOf = (p: string) => p.replace(/\D/g, '').slice(-9);
    for (const phone of confirmedPhones) {
      const mine = stored.filter((r) => digitsOf(r.customerPhone) === digitsOf(phone));
      assert.equal(mine.length, 1, `${phone}: ${mine.length} confirmed bookings`);
    }
    assert.equal(stored.length, confirmedPhones.length, 'a booking stored that no guest was told about');
  });

  /** Waits (up to `ms`) until A has held a table for one of `phones`; how many holds it saw. */
  async function firstHold(conn: mongoose.Connection, phones: string[], ms: number): Promise<number> {
    const deadline = Date.now() + ms;
    for (;;) {
      const held = await conn
        .collection('reservations')
        .countDocuments({ status: 'held', customerPhone: { $in: phones } });
      if (held > 0 || Date.now() > deadline) return held;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Twilio's retries of one SMS and of one voice turn, 3 copies at once at `targets`. */
  async function retriedThreeTimes(label: string, tag: string, targets: Instance[]) {
    const date = parisDate(1);
    const phone = `+33655500${tag}01`;
    const first = await twilioPost(
      targets[0].base,
      '/twilio/messaging',
      smsParams(phone, `Bonjour, une table pour 2 demain à 12h${tag === '1' ? '00' : '30'} au nom de Leroy`),
    );
    assert.match(twimlText(first.text, ['Message']), READ_BACK);
    const yes = smsParams(phone, 'oui');
    const answers = await Promise.all(targets.map((i) => twilioPost(i.base, '/twilio/messaging', yes)));
    for (const r of answers) note(r.status);
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200],
    );
    assert.equal(new Set(answers.map((r) => r.text)).size, 1, answers.map((r) => r.text).join('\n'));
    assert.match(twimlText(answers[0].text, ['Message']), CONFIRMED);

    const caller = `+33655500${tag}02`;
    const callSid = `CA${RUN_TAG}${tag}${'r'.repeat(23)}`;
    const incoming = await twilioPost(
      targets[1].base,
      '/twilio/voice/incoming',
      callParams(callSid, caller, { CallStatus: 'ringing' }),
    );
    const request = await twilioPost(
      targets[2].base,
      gatherAction(incoming.text),
      callParams(callSid, caller, {
        SpeechResult: `une table pour deux demain à 13h${tag === '1' ? '' : '30'} au nom de Moreau`,
      }),
    );
    assert.match(twimlText(request.text, ['Say']), READ_BACK);
    const path = gatherAction(request.text);
    const spoken = await Promise.all(
      targets.map((i) => twilioPost(i.base, path, callParams(callSid, caller, { SpeechResult: 'oui' }))),
    );
    for (const r of spoken) note(r.status);
    assert.deepEqual(
      spoken.map((r) => r.status),
      [200, 200, 200],
    );
    assert.equal(new Set(spoken.map((r) => r.text)).size, 1, spoken.map((r) => r.text).join('\n'));
    assert.match(twimlText(spoken[0].text, ['Say']), CONFIRMED);

    const stored = (await reservationsOn(targets[0].base, token, date)).filter((r) => r.status === 'confirmed');
    for (const p of [phone, caller])
      assert.equal(
        stored.filter((r) => r.customerPhone === p).length,
        1,
        `${p} booked once: ${JSON.stringify(stored.filter((r) => r.customerPhone === p))}`,
      );
    console.log(
      `# retries (${label}): 3 concurrent copies of one SMS and of one voice turn → ` +
        '1 booking each, identical answers',
    );
  }

  it('Twilio retrying an SMS and a voice turn 3 times at once at one instance: one booking each', async () => {
    await retriedThreeTimes('one instance', '1', [a, a, a]);
  });

  it('Twilio retrying the same webhooks at once at both instances: one booking each, the same answer', async () => {
    await retriedThreeTimes('both instances', '2', [a, b, a]);
  });

  it("one guest's two quick texts reaching both instances at once: taken in turn, neither lost", async () => {
    const phone = '+33668000001';
    const date = parisDate(3);
    const [, month, day] = date.split('-').map(Number);
    const say = (at: Instance, text: string) => twilioPost(at.base, '/twilio/messaging', smsParams(phone, text));
    const first = await say(a, `Bonjour, une table pour 4 le ${day} ${FRENCH_MONTHS[month - 1]} à 20h`);
    assert.match(twimlText(first.text, ['Message']), /quel nom/i);
    // Whichever runs first, the other sees its effect: a name and a change of time, both kept.
    const together = await Promise.all([say(a, 'au nom de Girard'), say(b, 'plutôt 20h30')]);
    for (const r of together) note(r.status);
    const answers = together.map((r) => twimlText(r.text, ['Message']));
    assert.ok(
      answers.some((t) => READ_BACK.test(t) && /20 ?h ?30/.test(t) && /Girard/.test(t)),
      answers.join(' | '),
    );
    assert.match(twimlText((await say(b, 'oui')).text, ['Message']), CONFIRMED);
    const mine = (await reservationsOn(a.base, token, date)).filter((r) => r.customerPhone === phone);
    assert.deepEqual(
      mine.map((r) => [r.customerName, r.partySize, r.status, parisTime(r.startAt)]),
      [['Girard', 4, 'confirmed', '20:30']],
    );
    console.log(
      '# one guest, two texts at once on two instances: both taken, in turn (booked 4 at 20:30 under Girard)',
    );
  });

  it('hostile input through the webhooks and web chat: refused cleanly, nothing stored, nothing leaked', async () => {
    const before = (await reservationsOn(a.base, token, parisDate(1))).length;
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const junk = new Blob([new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))]);
    const hostile: Array<[string, string, string, string | Blob]> = [
      [
        '/twilio/messaging',
        'POST',
        'application/json',
        JSON.stringify({ From: '+33600000000', Body: 'hi', MessageSid: 'SM1' }),
      ],
      ['/twilio/messaging', 'POST', 'application/x-www-form-urlencoded', `Body=${huge}`],
      ['/twilio/messaging', 'POST', 'application/octet-stream', junk],
      ['/twilio/messaging', 'POST', 'application/x-www-form-urlencoded', 'From[$gt]=&Body[$ne]=1&MessageSid=SM2'],
      [
        '/twilio/voice/incoming',
        'POST',
        'text/xml',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      ],
      [
        '/twilio/voice/gather?turn=-1&lang=xx',
        'POST',
        'application/x-www-form-urlencoded',
        'CallSid=%00%00&SpeechResult=%F0%9F',
      ],
      ['/webchat/api/conversations', 'POST', 'text/plain', 'hello'],
      [
        '/webchat/api/messages',
        'POST',
        'application/json',
        JSON.stringify({ conversationId: { $gt: '' }, text: { $where: 'sleep(1000)' } }),
      ],
      ['/webchat/api/messages', 'POST', 'application/json', deep],
      ['/webchat/api/messages', 'POST', 'application/json', `{"text":"${huge}"}`],
      ['/webchat/api/messages', 'POST', 'application/json', '{"conversationId": "webchat:1", "text": '],
      ['/webchat/api/messages', 'POST', 'application/json', junk],
    ];
    const leaks = /\bat [^\s]+ \(|node_modules|\.ts:\d+|Error: |MongoServerError|E11000/;
    for (const [path, method, type, body] of hostile) {
      for (const i of both()) {
        const r = await fetch(i.base + path, { method, headers: { 'Content-Type': type }, body });
        const text = await r.text();
        note(r.status);
        assert.ok(r.status >= 400 && r.status < 500, `${path} (${type}) → ${r.status} ${text.slice(0, 200)}`);
        assert.doesNotMatch(text, leaks, `${path} leaked: ${text.slice(0, 300)}`);
        for (const secret of Object.values(SECRETS)) assert.ok(!text.includes(secret), `${path} leaked a secret`);
      }
    }
    // Signed, well-formed, but odd text: answered as a turn (200 TwiML), never a crash.
    const odd = [
      '\u202Eetneserp\u202C',
      'table\u200B pour\u200D 2',
      '🍝🍷👨‍👩‍👧‍👦'.repeat(50),
      'A\u0301\u0300\u0302'.repeat(200),
      '\uFEFF\u0000\u0007',
      'ﬁ ＴＡＢＬＥ ２',
      '$gt',
    ];
    for (const [n, text] of odd.entries()) {
      const r = await twilioPost(both()[n % 2].base, '/twilio/messaging', smsParams(`+3365990000${n}`, text));
      note(r.status);
      assert.equal(r.status, 200, `${JSON.stringify(text)} → ${r.status} ${r.text.slice(0, 200)}`);
      assert.doesNotMatch(r.text, leaks);
      const open = await json(both()[n % 2].base, '/webchat/api/conversations', { body: { locale: 'en-US' } });
      const chat = await json(both()[(n + 1) % 2].base, '/webchat/api/messages', {
        body: { conversationId: open.body.conversationId, text, clientMessageId: `odd-${n}` },
      });
      note(chat.status);
      assert.ok(chat.status === 200 || chat.status === 400, `${JSON.stringify(text)} → ${chat.status}`);
      assert.doesNotMatch(chat.text, leaks);
    }
    const afterList = await reservationsOn(a.base, token, parisDate(1));
    assert.equal(afterList.length, before, 'hostile input stored a reservation');
    const conn = await mongoose.createConnection(uri).asPromise();
    try {
      const operatorKeys = await conn
        .collection('conversations')
        .countDocuments({ $or: [{ _id: { $type: 'object' } }, { conversationId: { $type: 'object' } }] });
      assert.equal(operatorKeys, 0, 'an operator was stored as a conversation id');
    } finally {
      await conn.close();
    }
    console.log(
      `# hostile input: ${hostile.length} malformed requests × 2 instances refused with 4xx, ` +
        `${odd.length} odd unicode texts answered, nothing stored`,
    );
  });

  it('instance A SIGKILLed mid-conversation: guests go on at B, nothing lost or doubled, holds expire', async () => {
    const date = parisDate(1);
    const restaurant = await json(b.base, '/api/admin/restaurant', { token });
    const shorter = await json(b.base, '/api/admin/restaurant', {
      method: 'PUT',
      token,
      body: { rules: { ...restaurant.body.rules, holdMinutes: 1 } },
    });
    assert.equal(shorter.status, 200, shorter.text);

    // Two SMS guests and one caller reach the read-back on A (their tables are held)...
    // First turn at A, every later one at B (A is dead by then).
    const aThenB = (turn: number) => (turn < 1 ? a : b);
    const readBack: Array<{ phone: string; say: (t: string) => Promise<string> }> = [];
    for (const n of [1, 2]) {
      const phone = `+3366600000${n}`;
      const say = smsGuest(phone, aThenB);
      assert.match(
        await say(`Bonjour, une table pour 2 demain à 22h au nom de ${n === 1 ? 'Petit' : 'Lambert'}`),
        READ_BACK,
      );
      readBack.push({ phone, say });
    }
    const caller = '+33666000003';
    const callSid = `CA${RUN_TAG}${'k'.repeat(24)}`;
    const sayByPhone = await voiceCaller(callSid, caller, (turn) => (turn < 2 ? a : b));
    assert.match(await sayByPhone('une table pour deux demain à 22h au nom de Garnier'), READ_BACK);
    readBack.push({ phone: caller, say: sayByPhone });

    // ...and two more SMS guests' first turns are in flight when A dies.
    const inFlight = [4, 5].map((n) => ({
      phone: `+3366600000${n}`,
      params: smsParams(
        `+3366600000${n}`,
        `Hello, a table for 2 tomorrow at 10pm, name is ${n === 4 ? 'Dupuis' : 'Fabre'}`,
      ),
    }));
    const watch = await mongoose.createConnection(uri).asPromise();
    const dying = inFlight.map((g) =>
      twilioPost(a.base, '/twilio/messaging', g.params).catch((err: Error) => ({
        status: 0,
        text: err.message,
        type: '',
      })),
    );
    // Killed once A has held a table for one of them: mid-turn, the hold written, the answer not sent.
    const heldAtDeath = await firstHold(
      watch,
      inFlight.map((g) => g.phone),
      5_000,
    ).finally(() => watch.close());
    a.child.kill('SIGKILL');
    await Promise.all(dying);

    // The guests' next turns go to B: the read-back ones say yes; the others are retried by Twilio (same MessageSid).
    const confirmed: string[] = [];
    for (const g of readBack) {
      const last = await g.say('oui');
      assert.match(last, CONFIRMED, `${g.phone} after the crash: ${last}`);
      confirmed.push(g.phone);
    }
    for (const g of inFlight) {
      const r = await twilioPost(b.base, '/twilio/messaging', g.params);
      note(r.status);
      assert.equal(r.status, 200, r.text);
      const say = smsGuest(g.phone, () => b);
      let last = twimlText(r.text, ['Message']);
      for (let turn = 0; turn < 3 && !CONFIRMED.test(last); turn++) {
        if (READ_BACK.test(last)) last = await say('yes');
        else if (/name/i.test(last)) last = await say('Fabre');
        else break;
      }
      assert.match(last, CONFIRMED, `${g.phone} after the crash: ${last}`);
      confirmed.push(g.phone);
    }
    const at22 = async () =>
      (await reservationsOn(b.base, token, date)).filter(
        (r) => r.status === 'confirmed' && /^\+3366[67]/.test(r.customerPhone),
      );
    let stored = await at22();
    for (const phone of confirmed)
      assert.equal(stored.filter((r) => r.customerPhone === phone).length, 1, `${phone}: booked once`);
    assert.deepEqual(overlaps(stored), []);

    // Whatever the dead turns held or half-claimed carries an expiry; once it has passed, every
    // table for two at 22:00 can be booked again (none stays blocked by a dead process).
    const conn = await mongoose.createConnection(uri).asPromise();
    let waitedS = 0;
    try {
      const pending = await conn
        .collection('slot_claims')
        .find({ expiresAt: { $ne: null } })
        .toArray();
      const latest = Math.max(Date.now(), ...pending.map((c) => new Date(c.expiresAt as Date).getTime()));
      assert.ok(latest - Date.now() <= 3 * 60_000, `a claim expires only at ${new Date(latest).toISOString()}`);
      waitedS = Math.max(0, (latest - Date.now()) / 1000 + 1);
      console.log(
        `# kill: ${pending.length} provisional claims after the crash, ` +
          `waiting ${waitedS.toFixed(0)} s for them to expire`,
      );
      await new Promise((resolve) => setTimeout(resolve, waitedS * 1000));
    } finally {
      await conn.close();
    }
    const free = TABLES_FOR_TWO - confirmed.length;
    const fill = await Promise.all(
      Array.from({ length: free + 2 }, (_, n) =>
        json(b.base, '/api/reservations', {
          body: { customerName: `Fill ${n}`, phoneNumber: `+3366700000${n}`, partySize: 2, date, time: '22:00' },
        }),
      ),
    );
    for (const r of fill) note(r.status);
    assert.equal(fill.filter((r) => r.status === 201).length, free, fill.map((r) => `${r.status}`).join(','));
    stored = await at22();
    assert.equal(stored.length, TABLES_FOR_TWO);
    assert.deepEqual(overlaps(stored), []);
    assert.deepEqual(
      statuses.filter((s) => s >= 500),
      [],
    );
    console.log(
      `# kill: ${confirmed.length} conversations (2 SMS + 1 call at the read-back, 2 SMS in flight) ` +
        `finished on B after A's SIGKILL (A had ${heldAtDeath} table held for them), each booked once; ` +
        `after ${waitedS.toFixed(0)} s every table for two was bookable again (${free} more booked)`,
    );
  });

  it("no secret and no stack trace in either server's output", () => {
    for (const i of instances) {
      const out = i.output.join('');
      for (const [name, secret] of Object.entries(SECRETS))
        assert.ok(!out.includes(secret), `${i.name}'s log contains the ${name}`);
      assert.doesNotMatch(out, /\n\s+at [^\s]+ \([^)]*:\d+:\d+\)/, `${i.name}'s log has a stack trace`);
    }
    console.log(
      `# logs: ${instances.map((i) => `${i.name} ${i.output.join('').length} chars`).join(', ')}, ` +
        'no secret, no stack trace',
    );
  });
});
