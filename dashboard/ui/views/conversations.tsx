// What the bot said with guests, by channel, with each full transcript.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Drawer } from '../components';
import { lang, t, tv } from '../i18n';
import { route } from '../router';
import { useSignal } from '../signal';
import { restaurant } from '../store';
import { localOf, shortDate } from '../time';
import type { ConversationSummary, TranscriptEntry } from '../types';
import { Transcript } from './booking-detail';

export function ConversationsView() {
  const l = useSignal(lang);
  const zone = useSignal(restaurant)?.timezone ?? 'Europe/Paris';
  const [channel, setChannel] = useState('');
  const [list, setList] = useState<ConversationSummary[] | null>(null);
  const [open, setOpen] = useState<{ id: string; transcript: TranscriptEntry[] | null } | null>(null);

  useEffect(() => {
    api.conversations(channel ? { channel } : {}).then(setList, () => setList([]));
  }, [channel]);
  const show = useCallback((id: string) => {
    setOpen({ id, transcript: null });
    api.conversation(id).then(
      (c) => setOpen({ id, transcript: c.transcript }),
      () => setOpen({ id, transcript: [] }),
    );
  }, []);
  // A staff alert's link (#/conversations?open=<id>) opens that transcript.
  useEffect(() => {
    const id = route.get().params.get('open');
    if (id) show(id);
  }, [show]);

  return (
    <section class="page">
      <div class="filters">
        <select value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
          <option value="">
            {t('channel')}: {t('all')}
          </option>
          {['voice', 'sms', 'whatsapp', 'webchat'].map((c) => (
            <option key={c} value={c}>
              {tv('channel', c)}
            </option>
          ))}
        </select>
      </div>
      <div class="table-wrap">
        <table class="list">
          <thead>
            <tr>
              <th>{t('date')}</th>
              <th>{t('channel')}</th>
              <th>{t('guest')}</th>
              <th>{t('language')}</th>
              <th>{t('turns')}</th>
              <th>{t('outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((c) => (
              <tr key={c.id} onClick={() => show(c.id)}>
                <td>
                  {(() => {
                    const at = localOf(c.startedAt, zone);
                    return `${shortDate(at.date, l)} ${at.time}`;
                  })()}
                </td>
                <td>{tv('channel', c.channel)}</td>
                <td>{c.address}</td>
                <td>{(c.language ?? '').toUpperCase()}</td>
                <td>{c.turns}</td>
                <td>
                  {c.outcome ? (
                    <span class={`pill outcome-${c.outcome.split(':')[0]}`}>
                      {tv('outcome', c.outcome.split(':')[0])}
                    </span>
                  ) : c.reservationIds.length ? (
                    '✓'
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list && !list.length ? <div class="empty">—</div> : null}
      </div>
      {open ? (
        <Drawer title={t('transcript')} onClose={() => setOpen(null)}>
          <Transcript entries={open.transcript} />
        </Drawer>
      ) : null}
    </section>
  );
}
