// Insights (admin): covers per service and day, bookings by channel and language, no-shows,
// conversations handed to a person.
import { useEffect, useState } from 'preact/hooks';
import { api, type InsightsData } from '../api';
import { Field } from '../components';
import { lang, serviceName, t, tv } from '../i18n';
import { useSignal } from '../signal';
import { restaurant } from '../store';
import { addDays, todayIn } from '../time';

export function InsightsView() {
  const rest = useSignal(restaurant);
  const today = rest ? todayIn(rest.timezone) : new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(addDays(today, 7));
  const [data, setData] = useState<InsightsData | null>(null);

  useEffect(() => {
    api.insights(from, to).then(setData, () => setData(null));
  }, [from, to]);
  const l = useSignal(lang);
  const percent = new Intl.NumberFormat(l === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  const pct = (v: number | null) => (v === null ? '—' : percent.format(v));
  const allServices = Object.values(rest?.services ?? {}).flat();

  // Every day of the range, so quiet days show as gaps on a steady time axis.
  const days: string[] = [];
  if (data) for (let d = data.from; d <= data.to && days.length < 400; d = addDays(d, 1)) days.push(d);
  const services = data ? [...new Set(data.coversByServiceAndDay.map((x) => x.service))] : [];
  const coversOn = (d: string) =>
    (data?.coversByServiceAndDay ?? []).filter((x) => x.date === d).reduce((n, x) => n + x.covers, 0);
  const maxCovers = Math.max(1, ...days.map(coversOn));

  return (
    <section class="page insights">
      <div class="page-head">
        <h1>{t('insights')}</h1>
        <div class="filters">
          <Field label={t('from')}>
            <input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          </Field>
          <Field label={t('to')}>
            <input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          </Field>
        </div>
      </div>
      {!data ? (
        <div class="empty">{t('loading')}</div>
      ) : (
        <>
          <div class="kpis">
            <div class="kpi">
              <span class="kpi-value">{data.totals.bookings}</span>
              <span class="kpi-label">{t('bookings')}</span>
            </div>
            <div class="kpi">
              <span class="kpi-value">{data.totals.covers}</span>
              <span class="kpi-label">{t('covers')}</span>
            </div>
            <div class="kpi">
              <span class="kpi-value">{pct(data.noShowRate)}</span>
              <span class="kpi-label">{t('noShowRate')}</span>
            </div>
            <div class="kpi">
              <span class="kpi-value">
                {data.conversations.handoff}
                <small> / {data.conversations.total}</small>
              </span>
              <span class="kpi-label">
                {t('handoffs')} ({pct(data.conversations.handoffRate)})
              </span>
            </div>
          </div>
          <div class="card">
            <h2>{t('coversPerService')}</h2>
            <div class="bars-v">
              {days.map((d) => (
                <div class="bar-col" key={d} title={d}>
                  <div class="bar-stack" style={{ height: `${(coversOn(d) / maxCovers) * 100}%` }}>
                    {services.map((s) => {
                      const row = data.coversByServiceAndDay.find((x) => x.date === d && x.service === s);
                      const total = coversOn(d) || 1;
                      return row?.covers ? (
                        <div
                          key={s}
                          class={`bar-part svc-${s}`}
                          style={{ height: `${(row.covers / total) * 100}%` }}
                          title={`${serviceName(s, allServices)} : ${row.covers}`}
                        />
                      ) : null;
                    })}
                  </div>
                  <span class="bar-label">
                    {d.endsWith('-01') || d === days[0] ? `${d.slice(8)}/${d.slice(5, 7)}` : d.slice(8)}
                  </span>
                </div>
              ))}
            </div>
            <div class="legend">
              {services.map((s) => (
                <span class={`legend-swatch svc-${s}`} key={s}>
                  {serviceName(s, allServices)}
                </span>
              ))}
            </div>
          </div>
          <div class="grid2">
            <Breakdown title={t('byChannel')} data={data.byChannel} label={(k) => tv('channel', k)} />
            <Breakdown
              title={t('byLanguage')}
              data={data.byLanguage}
              label={(k) => (k === 'fr' ? 'Français' : k === 'en' ? 'English' : k)}
            />
          </div>
        </>
      )}
    </section>
  );
}

function Breakdown({
  title,
  data,
  label,
}: {
  title: string;
  data: Record<string, number>;
  label: (k: string) => string;
}) {
  const entries = Object.entries(data).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map((e) => e[1]));
  return (
    <div class="card">
      <h2>{title}</h2>
      {entries.map(([k, v]) => (
        <div class="bar-h" key={k}>
          <span class="bar-h-label">{label(k)}</span>
          <span class="bar-h-track">
            <span class="bar-h-fill" style={{ width: `${(v / max) * 100}%` }} />
          </span>
          <b>{v}</b>
        </div>
      ))}
    </div>
  );
}
