// `npm run certs`: a self-signed certificate for local HTTPS (localhost, 127.0.0.1), written to
// ./certs, for TLS_CERT_PATH / TLS_KEY_PATH. Browsers warn about it; Twilio will not accept it
// (use a tunnel or a real certificate for Twilio).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'certs');
const cert = resolve(dir, 'cert.pem');
const key = resolve(dir, 'key.pem');
if (existsSync(cert) && !process.argv.includes('--force')) {
  console.log(`${cert} exists (add --force to make a new one).`);
} else {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '825',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`made ${cert} and ${key}`);
}
console.log(`start with: TLS_CERT_PATH=${cert} TLS_KEY_PATH=${key} npm start`);
