// Serves the built dashboard (dist/dashboard, made by `npm run build`) at `/`.
// Assets live under /dashboard/; the app routes with the URL hash, so no fallback is needed.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Request, Response, Next } from 'restify';
import type { DashboardContext } from '../context';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Where the built dashboard is: beside the bundled server (dist/), or under the project's dist/. */
export function dashboardDir(): string | null {
  const candidates = [
    join(__dirname, 'dashboard'),
    resolve(__dirname, '../../dist/dashboard'),
    resolve(process.cwd(), 'dist/dashboard'),
  ];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

export function registerDashboardFiles(ctx: DashboardContext): void {
  const { server } = ctx;
  const send = (res: Response, file: string, cache: string) => {
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache });
    res.end(readFileSync(file));
  };

  server.get('/', (_req: Request, res: Response, next: Next) => {
    const dir = dashboardDir();
    if (!dir) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The dashboard is not built yet: run `npm run build` (npm start does it).');
      return next();
    }
    send(res, join(dir, 'index.html'), 'no-cache');
    next();
  });

  server.get('/dashboard/*', (req: Request, res: Response, next: Next) => {
    const dir = dashboardDir();
    const rel = normalize(decodeURIComponent(req.path().slice('/dashboard/'.length)));
    const file = dir ? resolve(dir, rel) : null;
    // Never outside the dashboard folder.
    if (!dir || !file?.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found', message: `No file ${req.path()}.` }));
      return next();
    }
    send(res, file, 'no-cache');
    next();
  });
}
