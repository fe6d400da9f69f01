// Staff users (admin): create, change role, disable, reset a password.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Banner, Field } from '../components';
import { errorText, t, tv } from '../i18n';
import { session } from '../session';
import { useSignal } from '../signal';
import type { User } from '../types';

export function UsersView() {
  const me = useSignal(session);
  const [list, setList] = useState<User[] | null>(null);
  const [form, setForm] = useState({ email: '', name: '', role: 'staff', password: '' });
  const [reset, setReset] = useState<{ id: string; password: string } | null>(null);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(() => api.users().then(setList, () => setList([])), []);
  useEffect(() => {
    void load();
  }, [load]);
  const run = async (fn: () => Promise<unknown>, after?: () => void) => {
    try {
      await fn();
      setResult({ kind: 'ok', text: t('saved') });
      after?.();
      await load();
    } catch (e) {
      setResult({ kind: 'error', text: e instanceof ApiError && e.field ? `${e.field}: ${e.message}` : errorText(e) });
    }
  };

  return (
    <section class="page">
      <div class="page-head">
        <h1>{t('users')}</h1>
        {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
      </div>
      <div class="table-wrap">
        <table class="list">
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('email')}</th>
              <th>{t('role')}</th>
              <th>{t('status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((u) => (
              <tr key={u.id} class={u.disabled ? 'row-disabled' : ''}>
                <td>
                  <b>{u.name}</b>
                  {u.id === me?.user.id ? <small class="muted"> ({t('you')})</small> : null}
                </td>
                <td>{u.email}</td>
                <td>
                  <select
                    value={u.role}
                    disabled={u.id === me?.user.id}
                    onChange={(e) =>
                      run(() => api.patchUser(u.id, { role: e.currentTarget.value === 'admin' ? 'admin' : 'staff' }))
                    }
                  >
                    <option value="admin">{tv('role', 'admin')}</option>
                    <option value="staff">{tv('role', 'staff')}</option>
                  </select>
                </td>
                <td>
                  {u.disabled ? (
                    <span class="pill status-cancelled">{t('disabled')}</span>
                  ) : (
                    <span class="pill status-seated">{t('active')}</span>
                  )}
                </td>
                <td class="row-actions">
                  {u.id !== me?.user.id ? (
                    <button
                      type="button"
                      class="ghost small"
                      onClick={() => run(() => api.patchUser(u.id, { disabled: !u.disabled }))}
                    >
                      {u.disabled ? t('enable') : t('disable')}
                    </button>
                  ) : null}
                  {reset?.id === u.id ? (
                    <span class="inline-form">
                      <input
                        type="password"
                        placeholder={t('newPassword')}
                        value={reset.password}
                        onInput={(e) => setReset({ id: u.id, password: e.currentTarget.value })}
                      />
                      <button
                        type="button"
                        class="primary small"
                        onClick={() =>
                          run(
                            () => api.resetPassword(u.id, reset.password),
                            () => setReset(null),
                          )
                        }
                      >
                        {t('save')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" class="ghost small" onClick={() => setReset({ id: u.id, password: '' })}>
                      {t('resetPassword')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        class="card form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => api.createUser(form),
            () => setForm({ email: '', name: '', role: 'staff', password: '' }),
          );
        }}
      >
        <h2>{t('addUser')}</h2>
        <div class="grid4">
          <Field label={t('name')}>
            <input required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          </Field>
          <Field label={t('email')}>
            <input
              type="email"
              required
              value={form.email}
              onInput={(e) => setForm({ ...form, email: e.currentTarget.value })}
            />
          </Field>
          <Field label={t('role')}>
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}>
              <option value="staff">{tv('role', 'staff')}</option>
              <option value="admin">{tv('role', 'admin')}</option>
            </select>
          </Field>
          <Field label={t('newPassword')}>
            <input
              type="password"
              required
              minLength={10}
              value={form.password}
              onInput={(e) => setForm({ ...form, password: e.currentTarget.value })}
            />
          </Field>
        </div>
        <button class="primary" type="submit">
          + {t('addUser')}
        </button>
      </form>
    </section>
  );
}
