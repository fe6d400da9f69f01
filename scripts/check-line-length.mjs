// Fails when a line of code is longer than 120 characters. The formatter wraps code at 120 but
// leaves long strings, regexes and comments alone; those are wrapped by hand. Data files (the
// text catalogues, lexicons, JSON) keep one entry per line however long.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 120;
const CODE = /\.(ts|tsx|mjs|cjs|js|css)$/;
const DATA = [
  /(^|\/)texts\/(fr|en)\.ts$/, // message catalogues, one sentence per key
  /(^|\/)i18n\.ts$/,
  /(^|\/)lexicons?\//,
  /\.json$/,
];
// Files whose long lines are still to be wrapped; each entry goes once its file is done.
const pendingList = readFileSync(new URL('./line-length-pending.txt', import.meta.url), 'utf8');
const PENDING = new Set(pendingList.split('\n').filter(Boolean));

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => CODE.test(f) && !DATA.some((d) => d.test(f)) && !PENDING.has(f));

const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed by git but deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    if ([...line].length > MAX) long.push(`${file}:${i + 1}: ${[...line].length} characters`);
  });
}
if (long.length) {
  console.error(`Lines over ${MAX} characters (wrap them):\n${long.join('\n')}`);
  process.exit(1);
}
