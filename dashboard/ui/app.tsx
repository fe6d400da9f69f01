// The dashboard shell: login gate, navigation by role, live status, alerts, and the views.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import { watchCardTables } from './card-tables';
import { Forbidden } from './components';
import { lang, setLang, t, tv } from './i18n';
import { lastEvent, lastUndelivered, liveState, startLive, stopLive } from './live';
import { go, route } from './router';
import { endSession, restoreSession, session } from './session';
import { useSignal } from './signal';
import { chime, dismiss, loadBasics, restaurant, setSound, soundOn, toast, toasts } from './store';
import { localOf, shortDate } from './time';
import { BookingsView } from './views/bookings';
import { CallbacksView } from './views/callbacks';
import { ConversationsView } from './views/conversations';
import { InsightsView } from './views/insights';
import { LoginView } from './views/login';
import { MenuView } from './views/menu';
import { OutboxView } from './views/outbox';
import { SettingsView } from './views/settings';
import { TablesView } from './views/tables';
import { TodayView } from './views/today';
import { UsersView } from './views/users';
import { WaitlistView } from './views/waitlist';

interface NavItem {
  path: string;
  label: () => string;
  admin: boolean;
}

const NAV: NavItem[] = [
  { path: '/today', label: () => t('today'), admin: false },
  { path: '/bookings', label: () => t('bookings'), admin: false },
  { path: '/waitlist', label: () => t('waitlist'), admin: false },
  { path: '/conversations', label: () => t('conversations'), admin: false },
  { path: '/callbacks', label: () => t('callbacks'), admin: false },
  { path: '/outbox', label: () => t('messages'), admin: false },
  { path: '/menu', label: () => t('menu'), admin: true },
  { path: '/tables', label: () => t('tables'), admin: true },
  { path: '/settings', label: () => t('settings'), admin: true },
  { path: '/users', label: () => t('users'), admin: true },
  { path: '/insights', label: () => t('insights'), admin: true },
];

export function App() {
  const s = useSignal(session);
  const l = useSignal(lang);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    document.documentElement.lang = l;
  }, [l]);
  useEffect(() => {
    restoreSession(async (token) => api.me(token)).finally(() => setReady(true));
  }, []);

  if (!ready) return <div class="splash">{t('loading')}</div>;
  if (!s) return <LoginView />;
  return <Shell key={s.token} />;
}

function Shell() {
  const s = useSignal(session);
  const r = useSignal(route);
  const l = useSignal(lang);
  const live = useSignal(liveState);
  const sound = useSignal(soundOn);
  const rest = useSignal(restaurant);
  const alerts = useSignal(toasts);
  const [menuOpen, setMenuOpen] = useState(false);
  const isAdmin = s?.user.role === 'admin';
  const compact = r.params.get('desktop') === '1';

  const token = s?.token;
  useEffect(() => {
    if (!token) return;
    loadBasics().catch(() => undefined);
    startLive(token);
    return () => stopLive();
  }, [token]);

  // New-booking alert: visible everywhere, audible when the host turned sound on.
  useEffect(
    () =>
      lastEvent.subscribe((ev) => {
        if (!ev || !rest) return;
        const when = localOf(ev.reservation.startAt, rest.timezone);
        const day = when.date === localOf(new Date(), rest.timezone).date ? '' : `${shortDate(when.date, lang.get())} `;
        const { customerName, partySize, channel } = ev.reservation;
        const what = `${customerName} · ${partySize} ${t('people')} · ${day}${when.time} · ${tv('channel', channel)}`;
        if (ev.kind === 'created') {
          // Bookings made at the desk are shown quietly; guests' bookings ring.
          const fromGuest = ev.reservation.channel !== 'dashboard';
          toast(
            { kind: fromGuest ? 'new' : 'info', title: t('newBooking'), body: what, reservationId: ev.reservation.id },
            fromGuest ? 12000 : 5000,
          );
          if (fromGuest && soundOn.get()) chime();
        } else if (ev.kind === 'cancelled') {
          toast({ kind: 'info', title: t('bookingCancelled'), body: what, reservationId: ev.reservation.id });
        }
      }),
    [rest],
  );

  // A guest's confirmation or reminder that did not arrive: every screen hears of it, with a link to the booking.
  useEffect(
    () =>
      lastUndelivered.subscribe((m) => {
        if (!m) return;
        const code = m.errorCode ? ` · ${t('code')} ${m.errorCode}` : '';
        toast(
          {
            kind: 'error',
            title: t('notDelivered'),
            body: `${m.customerName} · ${tv('purpose', m.purpose)} (${tv('kind', m.kind)})${code}`,
            reservationId: m.reservationId,
          },
          20000,
        );
      }),
    [],
  );

  useEffect(() => watchCardTables(document.body), []);

  // Wide screens show the pages in the top bar, unless they do not all fit (a long language,
  // a long name): then the bar collapses into the ☰ menu below the width where they stopped fitting.
  const nav = useRef<HTMLElement>(null);
  const [collapseBelow, setCollapseBelow] = useState<number | null>(null);
  const collapsed = collapseBelow !== null && window.innerWidth < collapseBelow;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language and the name change the widths
  useLayoutEffect(() => {
    const check = () => {
      const el = nav.current;
      if (collapseBelow !== null && window.innerWidth >= collapseBelow) setCollapseBelow(null);
      else if (el && el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
        setCollapseBelow(window.innerWidth + 1);
    };
    check();
    window.addEventListener('resize', check);
    return () => window.removeEventListener('resize', check);
  }, [collapseBelow, l, rest]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another language has other widths: measure again
  useEffect(() => setCollapseBelow(null), [l]);

  // The menu closes with Escape, as the booking panel does.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  if (!s) return null;
  const item = NAV.find((n) => r.path.startsWith(n.path)) ?? NAV[0];
  const allowed = !item.admin || isAdmin;
  const items = NAV.filter((n) => (!n.admin || isAdmin) && !(compact && n.admin));
  const switchLang = () => {
    setLang(l === 'fr' ? 'en' : 'fr');
    setMenuOpen(false);
  };

  return (
    <div class={`shell${compact ? ' compact' : ''}${collapsed ? ' nav-collapsed' : ''}`}>
      <header class="topbar">
        <button
          type="button"
          class="icon-btn nav-toggle"
          data-testid="nav-toggle"
          aria-label={t('openMenu')}
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          ☰
        </button>
        <div class="brand">
          <span class="brand-mark">M</span>
          <span class="brand-name">{rest?.name ?? t('appName')}</span>
        </div>
        <nav class="nav" ref={nav}>
          <NavLinks items={items} active={item} onPick={() => setMenuOpen(false)} />
        </nav>
        <div class="topbar-right">
          <span
            class={`live-dot live-${live}`}
            data-testid="live-state"
            title={live === 'connecting' ? t('live_connecting') : live === 'live' ? t('live') : t('reconnecting')}
          >
            <i />
            <span class="live-text">{live === 'live' ? t('live') : t('reconnecting')}</span>
          </span>
          <button
            type="button"
            class={`icon-btn sound${sound ? ' on' : ''}`}
            title={t('sound')}
            aria-pressed={sound}
            onClick={() => setSound(!sound)}
          >
            <BellIcon muted={!sound} />
          </button>
          <button type="button" class="lang-btn wide-only" data-testid="lang-switch" onClick={switchLang}>
            {l === 'fr' ? 'EN' : 'FR'}
          </button>
          <span class="user wide-only" title={s.user.email}>
            {s.user.name} · {tv('role', s.user.role)}
          </span>
          <button type="button" class="ghost wide-only" data-testid="logout" onClick={() => endSession('logout')}>
            {t('logout')}
          </button>
        </div>
      </header>
      {menuOpen ? (
        <div class="nav-backdrop">
          <aside class="nav-panel open" role="dialog" aria-label={t('openMenu')}>
            <nav class="nav-panel-links">
              <NavLinks items={items} active={item} onPick={() => setMenuOpen(false)} />
            </nav>
            <div class="nav-panel-foot">
              <span class="nav-panel-user">
                {s.user.name} · {tv('role', s.user.role)}
              </span>
              <button type="button" class="secondary" data-testid="lang-switch" onClick={switchLang}>
                {l === 'fr' ? 'English' : 'Français'}
              </button>
              <button type="button" class="secondary" data-testid="logout" onClick={() => endSession('logout')}>
                {t('logout')}
              </button>
            </div>
          </aside>
          <button type="button" class="nav-scrim" tabIndex={-1} aria-hidden="true" onClick={() => setMenuOpen(false)} />
        </div>
      ) : null}
      {live === 'reconnecting' ? (
        <div class="conn-lost" role="status" data-testid="conn-lost">
          {t('connectionLost')}
        </div>
      ) : null}
      <main class="content">{!allowed ? <Forbidden /> : <View path={item.path} />}</main>
      <div class="toasts" aria-live="polite">
        {alerts.map((a) => (
          <button
            type="button"
            class={`toast toast-${a.kind}`}
            data-testid="toast"
            key={a.id}
            onClick={() => {
              dismiss(a.id);
              if (a.reservationId) go('/today', { open: a.reservationId });
            }}
          >
            <strong>{a.title}</strong>
            <span>{a.body}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

function NavLinks({ items, active, onPick }: { items: NavItem[]; active: NavItem; onPick: () => void }) {
  return (
    <>
      {items.map((n) => (
        <a
          key={n.path}
          href={`#${n.path}`}
          class={n === active ? 'active' : ''}
          aria-current={n === active ? 'page' : undefined}
          data-nav={n.path.slice(1)}
          onClick={onPick}
        >
          {n.label()}
        </a>
      ))}
    </>
  );
}

function View({ path }: { path: string }) {
  switch (path) {
    case '/today':
      return <TodayView />;
    case '/bookings':
      return <BookingsView />;
    case '/waitlist':
      return <WaitlistView />;
    case '/conversations':
      return <ConversationsView />;
    case '/callbacks':
      return <CallbacksView />;
    case '/outbox':
      return <OutboxView />;
    case '/menu':
      return <MenuView />;
    case '/tables':
      return <TablesView />;
    case '/settings':
      return <SettingsView />;
    case '/users':
      return <UsersView />;
    case '/insights':
      return <InsightsView />;
    default:
      return <TodayView />;
  }
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {muted ? <path d="M3 3l18 18" /> : null}
    </svg>
  );
}
