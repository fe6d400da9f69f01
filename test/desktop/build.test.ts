// The cashier app bundles: main process and preload, with Electron left to the runtime and
// the secure window defaults in place.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

test('desktop main and preload build, with contextIsolation on and no Node in the page', async () => {
  const out = mkdtempSync(join(tmpdir(), 'desktop-build-'));
  try {
    const mod = (await import(pathToFileURL(join(process.cwd(), 'desktop', 'build.mjs')).href)) as {
      buildDesktop: (dir: string) => Promise<void>;
    };
    await mod.buildDesktop(out);
    const main = readFileSync(join(out, 'main.js'), 'utf8');
    const preload = readFileSync(join(out, 'preload.js'), 'utf8');
    assert.ok(existsSync(join(out, 'pages', 'setup.html')));
    assert.match(main, /require\("electron"\)/);
    assert.match(main, /contextIsolation: true/);
    assert.match(main, /nodeIntegration: false/);
    assert.match(main, /sandbox: true/);
    assert.match(preload, /exposeInMainWorld\("maitreDesktop"/);
    assert.ok(preload.length < 4000, `the preload stays small (${preload.length} bytes)`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
