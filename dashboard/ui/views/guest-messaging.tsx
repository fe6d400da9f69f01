// On a booking's panel: why the guest may not be getting our messages. A guest who opted out
// (a keyword, or Twilio refusing a send with 21610) gets nothing more on that channel, and a
// confirmation or reminder Twilio could not deliver is a guest who may not know: staff call.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Banner } from '../components';
import { lang, t, tv } from '../i18n';
import { whenText } from '../outbox-logic';
import { useSignal } from '../signal';
import type { GuestMessaging } from '../types';

/** Twilio's refusal is recorded with this word instead of the guest's. */
const BY_TWILIO = 'provider';

export function GuestMessagingNotes({ reservationId, zone }: { reservationId: string; zone: string }) {
  const l = useSignal(lang);
  const [info, setInfo] = useState<GuestMessaging | null>(null);
  useEffect(() => {
    setInfo(null);
    api.reservationMessaging(reservationId).then(setInfo, () => setInfo(null));
  }, [reservationId]);
  if (!info || (!info.optOuts.length && !info.undelivered.length)) return null;
  const now = new Date();
  return (
    <div class="guest-messaging" data-testid="guest-messaging">
      {info.optOuts.map((o) => (
        <Banner kind="error" key={`opt-${o.channel}`}>
          <span data-testid="opted-out" data-channel={o.channel}>
            <b>
              {t('optedOutOf')} {tv('optOut', o.channel)}
            </b>{' '}
            (
            {o.word === BY_TWILIO
              ? t('optOutByTwilio')
              : `${t('optOutByWord')} ${l === 'fr' ? `« ${o.word ?? '?'} »` : `"${o.word ?? '?'}"`}`}
            , {whenText(o.at, zone, l, now)}). {t('optOutHint')}
          </span>
        </Banner>
      ))}
      {info.undelivered.map((u) => (
        <Banner kind="error" key={u.id}>
          <span data-testid="undelivered" data-code={u.errorCode ?? ''}>
            <b>
              {t('notDelivered')}
              {l === 'fr' ? ' : ' : ': '}
              {tv('purpose', u.purpose ?? '')} ({tv('kind', u.kind)})
            </b>
            {u.errorCode ? ` · ${t('code')} ${u.errorCode}` : ''}
            {u.errorMeaning ? `${l === 'fr' ? ' : ' : ': '}${u.errorMeaning[l]}` : ''}
            {' · '}
            {whenText(u.at, zone, l, now)}{' '}
            <a href={`#/outbox?booking=${encodeURIComponent(reservationId)}`}>{t('seeMessages')}</a>
          </span>
        </Banner>
      ))}
    </div>
  );
}
