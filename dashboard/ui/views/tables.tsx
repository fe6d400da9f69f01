// Tables editor (admin): name, seats, zone, active; add and remove.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Banner } from '../components';
import { errorText, t, ZONES, zoneName } from '../i18n';
import { tables as tablesSignal } from '../store';
import type { Table } from '../types';

export function TablesView() {
  const [list, setList] = useState<Table[] | null>(null);
  const [draft, setDraft] = useState({ id: '', name: '', seatsMin: 1, seatsMax: 4, zone: 'main' });
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = useCallback(
    () =>
      api.tables().then(
        (ts) => {
          setList(ts);
          tablesSignal.set(ts);
        },
        () => setList([]),
      ),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setResult({ kind: 'ok', text: t('saved') });
      await load();
    } catch (e) {
      setResult({ kind: 'error', text: e instanceof ApiError && e.field ? e.message : errorText(e) });
    }
  };
  const edit = (id: string, patch: Partial<Table>) =>
    setList((cur) => (cur ?? []).map((x) => (x.id === id ? { ...x, ...patch } : x)));
  const body = (x: Table) => ({
    name: x.name,
    seatsMin: Number(x.seatsMin),
    seatsMax: Number(x.seatsMax),
    zone: x.zone,
    active: x.active,
  });

  return (
    <section class="page">
      <div class="page-head">
        <h1>{t('tables')}</h1>
        {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
      </div>
      <div class="table-wrap">
        <table class="list editable">
          <thead>
            <tr>
              <th>ID</th>
              <th>{t('name')}</th>
              <th>{t('seatsMin')}</th>
              <th>{t('seatsMax')}</th>
              <th>{t('zone')}</th>
              <th>{t('active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((x) => (
              <tr key={x.id}>
                <td>
                  <b>{x.id}</b>
                </td>
                <td>
                  <input value={x.name} onInput={(e) => edit(x.id, { name: e.currentTarget.value })} />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={50}
                    value={x.seatsMin}
                    onInput={(e) => edit(x.id, { seatsMin: Number(e.currentTarget.value) })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={50}
                    value={x.seatsMax}
                    onInput={(e) => edit(x.id, { seatsMax: Number(e.currentTarget.value) })}
                  />
                </td>
                <td>
                  <ZoneSelect value={x.zone} onPick={(zone) => edit(x.id, { zone })} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={x.active}
                    onChange={(e) => edit(x.id, { active: e.currentTarget.checked })}
                  />
                </td>
                <td class="row-actions">
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => run(() => api.updateTable(x.id, body(x)))}
                  >
                    {t('save')}
                  </button>
                  <button type="button" class="ghost small danger" onClick={() => run(() => api.deleteTable(x.id))}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
            <tr class="new-row">
              <td>
                <input
                  placeholder="T9"
                  value={draft.id}
                  onInput={(e) => setDraft({ ...draft, id: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  placeholder={t('name')}
                  value={draft.name}
                  onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  value={draft.seatsMin}
                  onInput={(e) => setDraft({ ...draft, seatsMin: Number(e.currentTarget.value) })}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={1}
                  value={draft.seatsMax}
                  onInput={(e) => setDraft({ ...draft, seatsMax: Number(e.currentTarget.value) })}
                />
              </td>
              <td>
                <ZoneSelect value={draft.zone} onPick={(zone) => setDraft({ ...draft, zone })} />
              </td>
              <td />
              <td>
                <button
                  type="button"
                  class="primary small"
                  onClick={() =>
                    run(async () => {
                      await api.createTable({
                        ...(draft.id ? { id: draft.id } : {}),
                        name: draft.name || draft.id,
                        seatsMin: draft.seatsMin,
                        seatsMax: draft.seatsMax,
                        zone: draft.zone,
                        active: true,
                      });
                      setDraft({ id: '', name: '', seatsMin: 1, seatsMax: 4, zone: 'main' });
                    })
                  }
                >
                  + {t('addTable')}
                </button>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The zones the room has, in the staff member's language; a zone stored under another word stays offered. */
function ZoneSelect({ value, onPick }: { value: string; onPick: (zone: string) => void }) {
  const zones: readonly string[] = ZONES.includes(value as (typeof ZONES)[number]) ? ZONES : [...ZONES, value];
  return (
    <select value={value} aria-label={t('zone')} onChange={(e) => onPick(e.currentTarget.value)}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {zoneName(z)}
        </option>
      ))}
    </select>
  );
}
