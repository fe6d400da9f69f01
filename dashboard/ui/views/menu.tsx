// Menu editor (admin): sections and dishes in French and English, prices, allergens, diets.
// What is saved here is what /api/menu and the bot's menu answers read.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { Banner, Field } from '../components';
import { copyDraft, keyOf } from '../draft-keys';
import { formatPrice } from '../../../booking-core/money';
import { lang, t, tv } from '../i18n';
import { useSignal } from '../signal';
import { restaurant } from '../store';
import type { Diet, Dish, MenuSection } from '../types';

const blank = () => ({ fr: '', en: '' });

export function MenuView() {
  const [sections, setSections] = useState<MenuSection[] | null>(null);
  const [allergens, setAllergens] = useState<string[]>([]);
  const [diets, setDiets] = useState<Diet[]>([]);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    api.menu().then(
      (m) => {
        setSections(structuredClone(m.sections));
        setAllergens(m.allergens);
        setDiets(m.diets ?? []);
      },
      () => setSections([]),
    );
  }, []);
  if (!sections) return <div class="empty">{t('loading')}</div>;

  const update = (fn: (s: MenuSection[]) => void) => {
    const next = copyDraft(sections);
    fn(next);
    setSections(next);
    setResult(null);
  };
  const save = async () => {
    try {
      const saved = await api.saveMenu(
        sections.map((s) => ({ ...s, dishes: s.dishes.map((d) => ({ ...d, price: Number(d.price) })) })),
      );
      setSections(saved.sections);
      setResult({ kind: 'ok', text: t('saved') });
    } catch (e) {
      setResult({
        kind: 'error',
        text: e instanceof ApiError ? `${e.field ? `${e.field}: ` : ''}${e.message}` : String(e),
      });
    }
  };

  return (
    <section class="page menu-editor">
      <div class="page-head">
        <h1>{t('menu')}</h1>
        <div class="page-actions">
          {result ? <Banner kind={result.kind}>{result.text}</Banner> : null}
          <button type="button" class="primary" onClick={save}>
            {t('save')}
          </button>
        </div>
      </div>
      {sections.map((s, si) => (
        <div class="card" key={keyOf(s)}>
          <div class="section-head">
            <Field label={`${t('section')} FR`}>
              <input
                value={s.title.fr}
                onInput={(e) =>
                  update((x) => {
                    x[si].title.fr = e.currentTarget.value;
                  })
                }
              />
            </Field>
            <Field label={`${t('section')} EN`}>
              <input
                value={s.title.en}
                onInput={(e) =>
                  update((x) => {
                    x[si].title.en = e.currentTarget.value;
                  })
                }
              />
            </Field>
            <button
              type="button"
              class="icon-btn"
              disabled={si === 0}
              onClick={() =>
                update((x) => {
                  [x[si - 1], x[si]] = [x[si], x[si - 1]];
                })
              }
            >
              ↑
            </button>
            <button
              type="button"
              class="icon-btn danger"
              aria-label={t('remove')}
              onClick={() =>
                update((x) => {
                  x.splice(si, 1);
                })
              }
            >
              ✕
            </button>
          </div>
          {s.dishes.map((d, di) => (
            <DishRow
              key={keyOf(d)}
              dish={d}
              allergens={allergens}
              diets={diets}
              onChange={(nd) =>
                update((x) => {
                  Object.assign(x[si].dishes[di], nd);
                })
              }
              onRemove={() =>
                update((x) => {
                  x[si].dishes.splice(di, 1);
                })
              }
            />
          ))}
          <button
            type="button"
            class="ghost small"
            onClick={() =>
              update((x) => {
                x[si].dishes.push({ name: blank(), price: 0 });
              })
            }
          >
            + {t('addDish')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="secondary"
        onClick={() =>
          update((x) => {
            x.push({ title: blank(), dishes: [] });
          })
        }
      >
        + {t('addSection')}
      </button>
    </section>
  );
}

function DishRow({
  dish: d,
  allergens,
  diets,
  onChange,
  onRemove,
}: {
  dish: Dish;
  allergens: string[];
  diets: Diet[];
  onChange: (d: Dish) => void;
  onRemove: () => void;
}) {
  const desc = d.description ?? blank();
  const l = useSignal(lang);
  const currency = useSignal(restaurant)?.currency;
  return (
    <div class="dish">
      <div class="dish-grid">
        <Field label={`${t('dish')} FR`}>
          <input
            value={d.name.fr}
            onInput={(e) => onChange({ ...d, name: { ...d.name, fr: e.currentTarget.value } })}
          />
        </Field>
        <Field label={`${t('dish')} EN`}>
          <input
            value={d.name.en}
            onInput={(e) => onChange({ ...d, name: { ...d.name, en: e.currentTarget.value } })}
          />
        </Field>
        <Field label={t('price')}>
          <input
            type="number"
            min={0}
            step={0.5}
            value={d.price}
            onInput={(e) => onChange({ ...d, price: Number(e.currentTarget.value) })}
          />
          <small class="muted price-shown" data-testid="price-shown">
            {Number.isFinite(d.price) ? formatPrice(d.price, l, currency) : ''}
          </small>
        </Field>
        <button type="button" class="icon-btn danger" aria-label={t('remove')} onClick={onRemove}>
          ✕
        </button>
        <Field label={`${t('description')} FR`}>
          <input
            value={desc.fr}
            onInput={(e) => onChange({ ...d, description: { ...desc, fr: e.currentTarget.value } })}
          />
        </Field>
        <Field label={`${t('description')} EN`}>
          <input
            value={desc.en}
            onInput={(e) => onChange({ ...d, description: { ...desc, en: e.currentTarget.value } })}
          />
        </Field>
      </div>
      <TagChoice
        legend={t('allergens')}
        prefix="allergen"
        all={allergens}
        chosen={d.allergens ?? []}
        onChange={(allergens) => onChange({ ...d, allergens })}
      />
      <TagChoice
        legend={t('diets')}
        prefix="diet"
        all={diets}
        chosen={d.diets ?? []}
        onChange={(diets) => onChange({ ...d, diets })}
      />
    </div>
  );
}

/** Toggle chips for a dish's allergens or diets, labelled in the dashboard's language. */
function TagChoice<T extends string>({
  legend,
  prefix,
  all,
  chosen,
  onChange,
}: {
  legend: string;
  prefix: string;
  all: T[];
  chosen: T[];
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset class="allergens">
      <legend class="muted">{legend}</legend>
      {all.map((a) => {
        const on = chosen.includes(a);
        return (
          <button
            type="button"
            key={a}
            class={`chip${on ? ' on' : ''}`}
            aria-pressed={on}
            onClick={() => onChange(on ? chosen.filter((x) => x !== a) : [...chosen, a])}
          >
            {tv(prefix, a)}
          </button>
        );
      })}
    </fieldset>
  );
}
