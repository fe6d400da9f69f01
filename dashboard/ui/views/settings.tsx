// Restaurant settings (admin): general info, services per weekday, closures, booking rules,
// reminders and table combinations.
// Checked here as the API checks them; the API's answer is shown on the field it names.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Banner, Field } from '../components';
import { formatPrice } from '../../../booking-core/money';
import { copyDraft, keyOf } from '../draft-keys';
import { lang, serviceName, t, type WordKey } from '../i18n';
import { TimeField } from '../time-field';
import { SLOT_STEPS, validateSettings } from '../settings-rules';
import { useSignal } from '../signal';
import { restaurant } from '../store';
import type { Restaurant, Service } from '../types';
import { CombinationsCard, RemindersCard } from './settings-more';

const DAYS = [1, 2, 3, 4, 5, 6, 0];
/** The currencies of the countries the restaurant may be in and its guests come from. */
const CURRENCIES = ['EUR', 'GBP', 'CHF', 'USD', 'CAD'];

export function SettingsView() {
  const l = useSignal(lang);
  const [draft, setDraft] = useState<Restaurant | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.restaurant().then(
      (r) => setDraft(structuredClone(r)),
      () => undefined,
    );
  }, []);
  if (!draft) return <div class="empty">{t('loading')}</div>;

  const update = (fn: (d: Restaurant) => void) => {
    const next = copyDraft(draft);
    fn(next);
    setDraft(next);
    if (Object.keys(errors).length) setErrors(validateSettings(next, l));
    setResult(null);
  };
  const num = (v: string): number | null => (v.trim() === '' ? null : Number(v));
  const err = (p: string) => errors[p] ?? null;

  const save = async () => {
    const found = validateSettings(draft, l);
    setErrors(found);
    if (Object.keys(found).length) {
      setResult({ kind: 'error', text: t('invalidForm') });
      return;
    }
    setBusy(true);
    try {
      const { name, address, phone, email, languages, defaultLanguage, services, closures, rules } = draft;
      const { tableCombinations, reminders, currency } = draft;
      const saved = await api.saveRestaurant({
        name,
        address,
        phone,
        ...(email ? { email } : {}),
        languages,
        defaultLanguage,
        services,
        closures,
        rules,
        ...(tableCombinations ? { tableCombinations } : {}),
        ...(reminders ? { reminders } : {}),
        ...(currency ? { currency } : {}),
      });
      restaurant.set(saved);
      setDraft(structuredClone(saved));
      setResult({ kind: 'ok', text: t('saved') });
    } catch (e) {
      if (e instanceof ApiError && e.field) setErrors({ [e.field]: e.message });
      setResult({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page settings" data-testid="settings">
      <div class="page-head">
        <h1>{t('settings')}</h1>
        <div class="page-actions">
          {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
          <button type="button" class="primary" data-testid="save-settings" disabled={busy} onClick={save}>
            {t('save')}
          </button>
        </div>
      </div>

      <div class="card">
        <h2>{t('general')}</h2>
        <div class="grid3">
          <Field label={t('name')} error={err('name')}>
            <input
              value={draft.name}
              onInput={(e) =>
                update((d) => {
                  d.name = e.currentTarget.value;
                })
              }
            />
          </Field>
          <Field label={t('phone')} error={err('phone')}>
            <input
              value={draft.phone}
              onInput={(e) =>
                update((d) => {
                  d.phone = e.currentTarget.value;
                })
              }
            />
          </Field>
          <Field label={t('email')}>
            <input
              value={draft.email ?? ''}
              onInput={(e) =>
                update((d) => {
                  d.email = e.currentTarget.value;
                })
              }
            />
          </Field>
          <Field label={t('address')} error={err('address')} wide>
            <input
              value={draft.address}
              onInput={(e) =>
                update((d) => {
                  d.address = e.currentTarget.value;
                })
              }
            />
          </Field>
          <Field label={t('languages')} error={err('languages')}>
            <div class="checks">
              {(['fr', 'en'] as const).map((lg) => (
                <label key={lg}>
                  <input
                    type="checkbox"
                    checked={draft.languages.includes(lg)}
                    onChange={(e) =>
                      update((d) => {
                        d.languages = e.currentTarget.checked
                          ? [...new Set([...d.languages, lg])]
                          : d.languages.filter((x) => x !== lg);
                      })
                    }
                  />{' '}
                  {lg.toUpperCase()}
                </label>
              ))}
            </div>
          </Field>
          <Field label={t('defaultLanguage')} error={err('defaultLanguage')}>
            <select
              value={draft.defaultLanguage}
              onChange={(e) =>
                update((d) => {
                  d.defaultLanguage = e.currentTarget.value === 'en' ? 'en' : 'fr';
                })
              }
            >
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </Field>
          <Field label={t('currency')} error={err('currency')}>
            <select
              data-testid="currency"
              value={draft.currency ?? 'EUR'}
              onChange={(e) =>
                update((d) => {
                  d.currency = e.currentTarget.value;
                })
              }
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c} ({formatPrice(9.5, l, c)})
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('timezone')}>
            <input value={draft.timezone} disabled />
          </Field>
        </div>
      </div>

      <div class="card">
        <h2>{t('services')}</h2>
        <div class="weekdays">
          {DAYS.map((day) => {
            const list = draft.services[String(day)] ?? [];
            return (
              <div class="weekday" data-day={day} key={day}>
                <div class="weekday-name">{t(`weekday${day}` as WordKey)}</div>
                <div class="weekday-services">
                  {!list.length ? <span class="muted">{t('closed')}</span> : null}
                  {list.map((s, i) => (
                    <ServiceRow
                      key={keyOf(s)}
                      service={s}
                      path={`services.${day}.${i}`}
                      errors={errors}
                      onChange={(next) =>
                        update((d) => {
                          // Into the row's own copy, so it keeps its key (and the focus) while typed in.
                          Object.assign((d.services[String(day)] ?? [])[i], next);
                        })
                      }
                      onRemove={() =>
                        update((d) => {
                          d.services[String(day)] = (d.services[String(day)] ?? []).filter((_, j) => j !== i);
                        })
                      }
                    />
                  ))}
                  <button
                    type="button"
                    class="ghost small"
                    onClick={() =>
                      update((d) => {
                        d.services[String(day)] = [
                          ...(d.services[String(day)] ?? []),
                          {
                            name: list.length ? 'dinner' : 'lunch',
                            open: list.length ? '19:00' : '12:00',
                            close: list.length ? '23:00' : '14:30',
                            lastSeatingMinutes: 60,
                          },
                        ];
                      })
                    }
                  >
                    + {t('add')}
                  </button>
                </div>
              </div>
            );
          })}
        </div>
      </div>

      <div class="card">
        <h2>{t('closures')}</h2>
        {draft.closures.map((c, i) => (
          <div class="row-inline" key={keyOf(c)}>
            <Field label={t('date')} error={err(`closures.${i}.date`)}>
              <input
                type="date"
                value={c.date}
                onInput={(e) =>
                  update((d) => {
                    d.closures[i].date = e.currentTarget.value;
                  })
                }
              />
            </Field>
            <Field label={t('reason')} error={err(`closures.${i}.reason`)}>
              <input
                value={c.reason ?? ''}
                onInput={(e) =>
                  update((d) => {
                    d.closures[i].reason = e.currentTarget.value;
                  })
                }
              />
            </Field>
            <button
              type="button"
              class="ghost small danger"
              onClick={() =>
                update((d) => {
                  d.closures.splice(i, 1);
                })
              }
            >
              {t('remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          class="ghost small"
          onClick={() =>
            update((d) => {
              d.closures.push({ date: new Date().toISOString().slice(0, 10), reason: '' });
            })
          }
        >
          + {t('add')}
        </button>
      </div>

      <div class="card">
        <h2>{t('rules')}</h2>
        <div class="grid3">
          <Field label={t('slotStep')} error={err('rules.slotStepMinutes')}>
            <select
              data-testid="slot-step"
              value={String(draft.rules.slotStepMinutes)}
              onChange={(e) =>
                update((d) => {
                  d.rules.slotStepMinutes = Number(e.currentTarget.value);
                })
              }
            >
              {SLOT_STEPS.map((s) => (
                <option key={s} value={String(s)}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('buffer')} error={err('rules.bufferMinutes')}>
            <input
              type="number"
              data-testid="buffer"
              value={draft.rules.bufferMinutes}
              onInput={(e) =>
                update((d) => {
                  d.rules.bufferMinutes = num(e.currentTarget.value) ?? NaN;
                })
              }
            />
          </Field>
          <Field label={t('minNotice')} error={err('rules.minNoticeMinutes')}>
            <input
              type="number"
              value={draft.rules.minNoticeMinutes}
              onInput={(e) =>
                update((d) => {
                  d.rules.minNoticeMinutes = num(e.currentTarget.value) ?? NaN;
                })
              }
            />
          </Field>
          <Field label={t('horizon')} error={err('rules.horizonDays')}>
            <input
              type="number"
              value={draft.rules.horizonDays}
              onInput={(e) =>
                update((d) => {
                  d.rules.horizonDays = num(e.currentTarget.value) ?? NaN;
                })
              }
            />
          </Field>
          <Field label={t('maxParty')} error={err('rules.maxPartySize')}>
            <input
              type="number"
              data-testid="max-party"
              value={draft.rules.maxPartySize}
              onInput={(e) =>
                update((d) => {
                  d.rules.maxPartySize = num(e.currentTarget.value) ?? NaN;
                })
              }
            />
          </Field>
          <Field label={t('pacing')} error={err('rules.maxCoversPerSlot')}>
            <input
              type="number"
              value={draft.rules.maxCoversPerSlot ?? ''}
              onInput={(e) =>
                update((d) => {
                  d.rules.maxCoversPerSlot = num(e.currentTarget.value);
                })
              }
            />
          </Field>
          <Field label={t('hold')} error={err('rules.holdMinutes')}>
            <input
              type="number"
              value={draft.rules.holdMinutes}
              onInput={(e) =>
                update((d) => {
                  d.rules.holdMinutes = num(e.currentTarget.value) ?? NaN;
                })
              }
            />
          </Field>
        </div>
        <h3>{t('turnTimes')}</h3>
        {draft.rules.turnTimes.map((tt, i) => (
          <div class="row-inline" key={keyOf(tt)}>
            <Field label={t('upToParty')} error={err(`rules.turnTimes.${i}.maxParty`)}>
              <input
                type="number"
                placeholder={t('larger')}
                value={tt.maxParty ?? ''}
                onInput={(e) =>
                  update((d) => {
                    d.rules.turnTimes[i].maxParty = num(e.currentTarget.value);
                  })
                }
              />
            </Field>
            <Field label={t('minutes')} error={err(`rules.turnTimes.${i}.minutes`)}>
              <input
                type="number"
                value={tt.minutes}
                onInput={(e) =>
                  update((d) => {
                    d.rules.turnTimes[i].minutes = num(e.currentTarget.value) ?? NaN;
                  })
                }
              />
            </Field>
            <button
              type="button"
              class="ghost small danger"
              onClick={() =>
                update((d) => {
                  d.rules.turnTimes.splice(i, 1);
                })
              }
            >
              {t('remove')}
            </button>
          </div>
        ))}
        {err('rules.turnTimes') ? <div class="field-error">{err('rules.turnTimes')}</div> : null}
        <button
          type="button"
          class="ghost small"
          onClick={() =>
            update((d) => {
              d.rules.turnTimes.push({ maxParty: null, minutes: 120 });
            })
          }
        >
          + {t('add')}
        </button>
      </div>

      <RemindersCard draft={draft} update={update} err={err} />
      <CombinationsCard draft={draft} update={update} err={err} />
    </section>
  );
}

/** A service named by staff in one language: both names kept, the other one as it showed. */
function renamed(s: Service, l: 'fr' | 'en', value: string): Service {
  const label = { fr: s.label?.fr ?? serviceName(s.name, [], 'fr'), en: s.label?.en ?? serviceName(s.name, [], 'en') };
  label[l] = value;
  // A service the restaurant made up gets a stable name from its first naming; lunch and dinner keep theirs.
  const name = s.name || value.trim().toLowerCase();
  return { ...s, name, label };
}

function ServiceRow({
  service: s,
  path,
  errors,
  onChange,
  onRemove,
}: {
  service: Service;
  path: string;
  errors: Record<string, string>;
  onChange: (s: Service) => void;
  onRemove: () => void;
}) {
  return (
    <div class="service-row">
      {(['fr', 'en'] as const).map((l) => (
        <Field
          key={l}
          label={l === 'fr' ? t('serviceNameFr') : t('serviceNameEn')}
          error={errors[`${path}.label.${l}`] ?? (l === 'fr' ? errors[`${path}.name`] : undefined)}
        >
          <input
            class="svc-name"
            data-testid={`service-name-${l}`}
            value={s.label?.[l] ?? serviceName(s.name, [], l)}
            onInput={(e) => onChange(renamed(s, l, e.currentTarget.value))}
          />
        </Field>
      ))}
      <Field label={t('open')} error={errors[`${path}.open`]}>
        <TimeField value={s.open} onChange={(open) => onChange({ ...s, open })} />
      </Field>
      <Field label={t('closeAt')} error={errors[`${path}.close`]}>
        <TimeField value={s.close} onChange={(close) => onChange({ ...s, close })} />
      </Field>
      <Field label={t('lastSeating')} error={errors[`${path}.lastSeatingMinutes`]}>
        <input
          type="number"
          value={s.lastSeatingMinutes}
          onInput={(e) =>
            onChange({ ...s, lastSeatingMinutes: e.currentTarget.value === '' ? NaN : Number(e.currentTarget.value) })
          }
        />
      </Field>
      <button type="button" class="icon-btn danger" aria-label={t('remove')} onClick={onRemove}>
        ✕
      </button>
    </div>
  );
}
