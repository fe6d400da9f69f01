// Hash routes (#/today, #/bookings?…, #/settings): the server serves one page for all of them.
import { signal } from './signal';

export interface Route {
  path: string;
  params: URLSearchParams;
}

function parse(): Route {
  const raw = location.hash.replace(/^#/, '') || '/today';
  const [path, query] = raw.split('?');
  return { path, params: new URLSearchParams(query ?? '') };
}

export const route = signal<Route>(
  typeof location !== 'undefined' ? parse() : { path: '/today', params: new URLSearchParams() },
);
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => route.set(parse()));

export function go(path: string, params?: Record<string, string>): void {
  const q = params ? new URLSearchParams(params).toString() : '';
  location.hash = q ? `${path}?${q}` : path;
}
