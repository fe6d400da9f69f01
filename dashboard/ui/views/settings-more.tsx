// Settings cards for the guest reminders (the day before, and some time before the booking)
// and the table combinations (tables pushed together for a larger party).
import { Field } from '../components';
import { keyOf } from '../draft-keys';
import { t } from '../i18n';
import { TimeField } from '../time-field';
import { useSignal } from '../signal';
import { tables as tablesSignal } from '../store';
import type { Restaurant } from '../types';

export const NO_REMINDERS = { dayBeforeAt: null, minutesBefore: [] } as const;

interface CardProps {
  draft: Restaurant;
  update: (fn: (d: Restaurant) => void) => void;
  err: (path: string) => string | null;
}

export function RemindersCard({ draft, update, err }: CardProps) {
  const reminders = draft.reminders ?? NO_REMINDERS;
  const set = (fn: (r: { dayBeforeAt: string | null; minutesBefore: number[] }) => void) =>
    update((d) => {
      const r = { dayBeforeAt: reminders.dayBeforeAt, minutesBefore: [...reminders.minutesBefore] };
      fn(r);
      d.reminders = r;
    });
  return (
    <div class="card" data-testid="reminders">
      <h2>{t('reminders')}</h2>
      <p class="muted">{t('remindersHelp')}</p>
      <div class="row-inline">
        <label class="check-line">
          <input
            type="checkbox"
            data-testid="day-before"
            checked={reminders.dayBeforeAt !== null}
            onChange={(e) =>
              set((r) => {
                r.dayBeforeAt = e.currentTarget.checked ? '10:00' : null;
              })
            }
          />{' '}
          {t('dayBefore')}
        </label>
        {reminders.dayBeforeAt !== null ? (
          <Field label={t('at')} error={err('reminders.dayBeforeAt')}>
            <TimeField
              testId="day-before-at"
              value={reminders.dayBeforeAt}
              onChange={(time) =>
                set((r) => {
                  r.dayBeforeAt = time;
                })
              }
            />
          </Field>
        ) : null}
      </div>
      {reminders.minutesBefore.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a plain list of numbers, edited in place
        <div class="row-inline" key={i}>
          <Field label={t('minutesBefore')} error={err(`reminders.minutesBefore.${i}`)}>
            <input
              type="number"
              min={5}
              step={5}
              data-testid="minutes-before"
              value={Number.isNaN(m) ? '' : m}
              onInput={(e) =>
                set((r) => {
                  r.minutesBefore[i] = e.currentTarget.value === '' ? NaN : Number(e.currentTarget.value);
                })
              }
            />
          </Field>
          <button
            type="button"
            class="ghost small danger"
            onClick={() =>
              set((r) => {
                r.minutesBefore.splice(i, 1);
              })
            }
          >
            {t('remove')}
          </button>
        </div>
      ))}
      {reminders.minutesBefore.length < 5 ? (
        <button
          type="button"
          class="ghost small"
          data-testid="add-reminder"
          onClick={() =>
            set((r) => {
              r.minutesBefore.push(120);
            })
          }
        >
          + {t('addReminder')}
        </button>
      ) : null}
    </div>
  );
}

export function CombinationsCard({ draft, update, err }: CardProps) {
  const tables = useSignal(tablesSignal).filter((tb) => tb.active);
  const combos = draft.tableCombinations ?? [];
  return (
    <div class="card" data-testid="combinations">
      <h2>{t('combinations')}</h2>
      <p class="muted">{t('combinationsHelp')}</p>
      {combos.map((c, i) => (
        <div class="combo-row" key={keyOf(c)} data-testid="combination">
          <fieldset class="combo-tables">
            <legend class="field-label">{t('tables')}</legend>
            {tables.map((tb) => (
              <label key={tb.id} class={`chip${c.tableIds.includes(tb.id) ? ' on' : ''}`}>
                <input
                  type="checkbox"
                  checked={c.tableIds.includes(tb.id)}
                  onChange={(e) =>
                    update((d) => {
                      const ids = d.tableCombinations?.[i]?.tableIds ?? [];
                      const next = e.currentTarget.checked ? [...ids, tb.id] : ids.filter((x) => x !== tb.id);
                      if (d.tableCombinations?.[i]) d.tableCombinations[i].tableIds = next;
                    })
                  }
                />
                {tb.name}
              </label>
            ))}
            {err(`tableCombinations.${i}.tableIds`) ? (
              <span class="field-error">{err(`tableCombinations.${i}.tableIds`)}</span>
            ) : null}
          </fieldset>
          <Field label={t('seatsMin')} error={err(`tableCombinations.${i}.seatsMin`)}>
            <input
              type="number"
              min={1}
              value={c.seatsMin}
              onInput={(e) =>
                update((d) => {
                  if (d.tableCombinations?.[i]) d.tableCombinations[i].seatsMin = Number(e.currentTarget.value);
                })
              }
            />
          </Field>
          <Field label={t('seatsMax')} error={err(`tableCombinations.${i}.seatsMax`)}>
            <input
              type="number"
              min={1}
              value={c.seatsMax}
              onInput={(e) =>
                update((d) => {
                  if (d.tableCombinations?.[i]) d.tableCombinations[i].seatsMax = Number(e.currentTarget.value);
                })
              }
            />
          </Field>
          <button
            type="button"
            class="ghost small danger"
            onClick={() =>
              update((d) => {
                d.tableCombinations?.splice(i, 1);
              })
            }
          >
            {t('remove')}
          </button>
        </div>
      ))}
      {err('tableCombinations') ? <div class="field-error">{err('tableCombinations')}</div> : null}
      <button
        type="button"
        class="ghost small"
        data-testid="add-combination"
        onClick={() =>
          update((d) => {
            d.tableCombinations = [...(d.tableCombinations ?? []), { tableIds: [], seatsMin: 5, seatsMax: 8 }];
          })
        }
      >
        + {t('addCombination')}
      </button>
    </div>
  );
}
