// Builds what `npm start` serves: the server bundle and the browser bundles (dashboard,
// web chat widget). esbuild takes about a second; npm packages stay external for the server.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';

const started = Date.now();
mkdirSync('dist', { recursive: true });

/** Browser bundles: one line each. `static` is a folder copied beside the bundle. */
const browserBundles = [
  { entry: 'dashboard/ui/main.tsx', out: 'dist/dashboard/app.js', static: ['dashboard/ui/public', 'dist/dashboard'] },
  { entry: 'adapters/webchat-widget/index.tsx', out: 'dist/webchat/widget.js' },
];

for (const [entry, outfile] of [
  ['bot/main.ts', 'dist/server.js'],
  ['bot/backup-cli.ts', 'dist/backup.js'],
])
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });

for (const b of browserBundles) {
  if (!existsSync(b.entry)) continue;
  await build({
    entryPoints: [b.entry],
    outfile: b.out,
    bundle: true,
    platform: 'browser',
    target: ['es2020'],
    format: 'iife',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  if (b.static && existsSync(b.static[0])) cpSync(b.static[0], b.static[1], { recursive: true });
}

console.log(`built in ${Date.now() - started} ms`);
