// Start-up configuration: each bad setting is named in one line; HTTPS when a certificate is given.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../bot/config';
import { startTestServer } from '../helpers/app';

describe('configuration', () => {
  it('has working defaults for a laptop', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.equal(c.mongodbUri, null);
    assert.equal(c.jwtSecretGenerated, true);
    assert.equal(c.rateLimitPerMinute, 120);
    assert.equal(c.defaultLocale, 'fr');
    assert.equal(c.publicBaseUrl, 'http://localhost:3978');
    assert.equal(c.jwtTtlSeconds, 12 * 3600);
    assert.equal(c.trustProxy, 0);
    assert.deepEqual(c.caps, {
      messagesPerNumberPerDay: 5,
      activeBookingsPerGuest: 3,
      bookingsPerAddressPerHour: 20,
      smsPerHour: 200,
    });
  });

  it('reads token lifetimes in hours, minutes or seconds', () => {
    assert.equal(loadConfig({ JWT_TTL: '8h' }).jwtTtlSeconds, 8 * 3600);
    assert.equal(loadConfig({ JWT_TTL: '90m' }).jwtTtlSeconds, 5400);
    assert.equal(loadConfig({ JWT_TTL: '600' }).jwtTtlSeconds, 600);
  });

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['production without JWT_SECRET', { NODE_ENV: 'production' }, /^JWT_SECRET: is required when NODE_ENV=production$/],
    ['a port that is not a number', { PORT: 'eighty' }, /^PORT: must be a whole number/],
    [
      'a MongoDB URI that is not one',
      { MONGODB_URI: 'postgres://x' },
      /^MONGODB_URI: must start with mongodb: or mongodb\+srv:/,
    ],
    ['a public URL that is not a URL', { PUBLIC_BASE_URL: 'bistro dot com' }, /^PUBLIC_BASE_URL: is not a valid URL/],
    ['an admin email without password', { ADMIN_EMAIL: 'a@b.c' }, /^ADMIN_PASSWORD: /],
    [
      'a short admin password',
      { ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' },
      /^ADMIN_PASSWORD: must be at least 8/,
    ],
    [
      'a manager phone not in E.164',
      { MANAGER_PHONES: '+33612345678,06 12' },
      /^MANAGER_PHONES: "06 12" is not a phone number/,
    ],
    ['a certificate without key', { TLS_CERT_PATH: '/etc/hostname' }, /^TLS_KEY_PATH: /],
    [
      'a missing certificate file',
      { TLS_CERT_PATH: '/nope.pem', TLS_KEY_PATH: '/nope.key' },
      /^TLS_CERT_PATH: file not found/,
    ],
    ['an unknown speech-to-text', { VOICE_STT: 'siri' }, /^VOICE_STT: /],
    ['an unknown voice mode', { VOICE_MODE: 'stream' }, /^VOICE_MODE: /],
    ['a zero rate limit', { RATE_LIMIT_PER_MINUTE: '0' }, /^RATE_LIMIT_PER_MINUTE: /],
    [
      'a Messaging Service that is not MG…',
      { TWILIO_MESSAGING_SERVICE_SID: 'PN123' },
      /^TWILIO_MESSAGING_SERVICE_SID: /,
    ],
    [
      'an alphanumeric sender of 12 characters',
      { TWILIO_SMS_SENDER_ID: 'LePetitBistro', TWILIO_PHONE_NUMBER: '+33900000000' },
      /^TWILIO_SMS_SENDER_ID: must be 1 to 11/,
    ],
    [
      'an alphanumeric sender of digits only',
      { TWILIO_SMS_SENDER_ID: '0612', TWILIO_PHONE_NUMBER: '+33900000000' },
      /^TWILIO_SMS_SENDER_ID: /,
    ],
    [
      'an alphanumeric sender without a number to answer reminders',
      { TWILIO_SMS_SENDER_ID: 'PetitBistro', TWILIO_MESSAGING_SERVICE_SID: `MG${'1'.repeat(32)}` },
      /^TWILIO_SMS_SENDER_ID: needs TWILIO_PHONE_NUMBER/,
    ],
    [
      'an opt-out setting that is not true or false',
      { TWILIO_ADVANCED_OPT_OUT: 'maybe' },
      /^TWILIO_ADVANCED_OPT_OUT: /,
    ],
    [
      'a production JWT_SECRET under 32 characters',
      { NODE_ENV: 'production', JWT_SECRET: 'only-twenty-characters' },
      /^JWT_SECRET: must be at least 32 characters in production$/,
    ],
    ['a token lifetime that is not a duration', { JWT_TTL: 'forever' }, /^JWT_TTL: must be a duration like 12h/],
    ['a token lifetime over 30 days', { JWT_TTL: '31d' }, /^JWT_TTL: /],
    ['a proxy count that is not a number', { TRUST_PROXY: 'yes' }, /^TRUST_PROXY: must be a whole number/],
    ['no message a day to a number', { MESSAGES_PER_NUMBER_PER_DAY: '0' }, /^MESSAGES_PER_NUMBER_PER_DAY: must be/],
    ['a fraction of a booking', { ACTIVE_BOOKINGS_PER_GUEST: '2.5' }, /^ACTIVE_BOOKINGS_PER_GUEST: must be/],
    ['a negative hourly limit', { BOOKINGS_PER_ADDRESS_PER_HOUR: '-1' }, /^BOOKINGS_PER_ADDRESS_PER_HOUR: must be/],
    ['an SMS budget in words', { SMS_PER_HOUR: 'lots' }, /^SMS_PER_HOUR: must be/],
  ];
  for (const [name, env, message] of bad) {
    it(`stops on ${name}, naming the setting`, () => {
      assert.throws(
        () => loadConfig(env),
        (err: unknown) => err instanceof ConfigError && message.test(err.message),
      );
    });
  }

  it('stops `npm start` with one clear line', () => {
    let out = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
        env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: '', PORT: '0' },
        stdio: 'pipe',
      });
    } catch (err) {
      out = String((err as { stderr: Buffer }).stderr);
    }
    assert.equal(
      out
        .trim()
        .split('\n')
        .filter((l) => !/DeprecationWarning|trace-deprecation/.test(l))
        .join('\n'),
      'Configuration error: JWT_SECRET: is required when NODE_ENV=production',
    );
  });
});

describe('HTTPS', () => {
  it('serves HTTPS with TLS_CERT_PATH and TLS_KEY_PATH', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'maitre-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=localhost',
          '-days',
          '1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
    } catch {
      if (process.env.CI === 'true') throw new Error('openssl is needed to make a test certificate');
      t.skip('openssl is not installed: cannot make a test certificate');
      return;
    }
    const s = await startTestServer({
      env: { TLS_CERT_PATH: join(dir, 'cert.pem'), TLS_KEY_PATH: join(dir, 'key.pem') },
    });
    try {
      const port = s.base.split(':').at(-1);
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get({ host: '127.0.0.1', port, path: '/health', rejectUnauthorized: false }, (res) => {
            let data = '';
            res.on('data', (d) => {
              data += d;
            });
            res.on('end', () => resolve(data));
          })
          .on('error', reject);
      });
      assert.equal(JSON.parse(body).status, 'ok');
    } finally {
      await s.close();
    }
  });
});
