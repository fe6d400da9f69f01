// Builds the cashier app's main process and preload into dist/desktop (for `npm run desktop`
// and electron-builder). Electron itself stays external: it is the runtime.
// Run directly (`node desktop/build.mjs`) or imported by a test with another folder.
import { build } from 'esbuild';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function buildDesktop(outdir = 'dist/desktop') {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'warning',
    sourcemap: true,
  };
  await build({ ...common, entryPoints: ['desktop/main.ts'], outfile: join(outdir, 'main.js') });
  await build({ ...common, entryPoints: ['desktop/preload.ts'], outfile: join(outdir, 'preload.js') });
  cpSync('desktop/pages', join(outdir, 'pages'), { recursive: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildDesktop();
  console.log('desktop built in dist/desktop');
}
