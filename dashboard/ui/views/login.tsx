// Login: email and password; the token is kept for this browser session.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { lang, setLang, t } from '../i18n';
import { notice, startSession } from '../session';
import { useSignal } from '../signal';

export function LoginView() {
  const l = useSignal(lang);
  const why = useSignal(notice);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(email, password);
      startSession(r);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? t('loginFailed')
          : err instanceof ApiError && err.status === 429
            ? t('loginLocked')
            : err instanceof Error
              ? err.message
              : String(err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="login-page">
      <form class="login-card" onSubmit={submit}>
        <div class="login-brand">
          <span class="brand-mark big">M</span>
          <h1>Maître</h1>
        </div>
        <p class="login-sub">{t('loginTitle')}</p>
        {why === 'expired' ? <div class="banner banner-info">{t('sessionExpired')}</div> : null}
        {error ? (
          <div class="banner banner-error" role="alert">
            {error}
          </div>
        ) : null}
        <label class="field">
          <span class="field-label">{t('email')}</span>
          <input
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field-label">{t('password')}</span>
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button class="primary big" type="submit" disabled={busy}>
          {t('login')}
        </button>
        <div class="login-lang">
          <button type="button" class={l === 'fr' ? 'active' : ''} onClick={() => setLang('fr')}>
            Français
          </button>
          <button type="button" class={l === 'en' ? 'active' : ''} onClick={() => setLang('en')}>
            English
          </button>
        </div>
      </form>
    </div>
  );
}
