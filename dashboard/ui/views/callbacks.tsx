// Calls to return: a caller asked for a person and the restaurant's line did not answer. Each
// task shows who called, in which language, why the transfer failed and the message they left;
// staff mark it called back (or reopen it). New tasks and messages arrive live.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Banner } from '../components';
import { errorText, lang, t, tv } from '../i18n';
import { lastCallback, reconnects } from '../live';
import { useSignal } from '../signal';
import { restaurant } from '../store';
import type { CallbackTask } from '../types';

type Filter = 'open' | 'done' | 'all';
const FILTERS: Array<[Filter, Parameters<typeof t>[0]]> = [
  ['open', 'callbacksOpen'],
  ['done', 'callbacksDone'],
  ['all', 'callbacksAll'],
];

export function CallbacksView() {
  const l = useSignal(lang);
  const rest = useSignal(restaurant);
  const changed = useSignal(lastCallback);
  const reconnected = useSignal(reconnects);
  const zone = rest?.timezone ?? 'Europe/Paris';
  const [filter, setFilter] = useState<Filter>('open');
  const [list, setList] = useState<CallbackTask[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(() => {
    api.callbacks(filter).then(
      (tasks) => {
        setList(tasks);
        setError(null);
      },
      (err) => setError(errorText(err)),
    );
  }, [filter]);
  // Reloaded on a filter change, on each live change and after a reconnection (what was missed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: changed and reconnected are the triggers
  useEffect(load, [load, changed, reconnected]);

  const mark = async (task: CallbackTask, done: boolean) => {
    setBusyId(task.id);
    try {
      await api.patchCallback(task.id, done);
      load();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  const when = (iso: string) =>
    new Date(iso).toLocaleString(l === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone: zone,
      dateStyle: 'short',
      timeStyle: 'short',
    });

  return (
    <section class="page" data-testid="callbacks">
      <p class="muted page-intro">{t('callbacksIntro')}</p>
      <div class="filters seg-tabs" role="tablist">
        {FILTERS.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={filter === value}
            class={filter === value ? 'active' : ''}
            onClick={() => setFilter(value)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {error ? <Banner kind="error">{error}</Banner> : null}
      <div class="table-wrap">
        <table class="list">
          <thead>
            <tr>
              <th>{t('date')}</th>
              <th>{t('caller')}</th>
              <th>{t('language')}</th>
              <th>{t('outcome')}</th>
              <th>{t('callbackMessage')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((task) => (
              <tr key={task.id} data-callback={task.id} class={task.done ? 'done' : ''}>
                <td>{when(task.createdAt)}</td>
                <td>{task.phone ? <a href={`tel:${task.phone}`}>{task.phone}</a> : t('withheldNumber')}</td>
                <td>{task.language.toUpperCase()}</td>
                <td>{tv('missed', task.reason)}</td>
                <td class="callback-message">
                  <Message task={task} />
                </td>
                <td>
                  {task.done ? (
                    <>
                      <span class="muted">
                        {t('calledBackAt')} {task.doneAt ? when(task.doneAt) : ''}
                      </span>{' '}
                      <button type="button" disabled={busyId === task.id} onClick={() => mark(task, false)}>
                        {t('reopen')}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      class="primary"
                      disabled={busyId === task.id}
                      onClick={() => mark(task, true)}
                    >
                      {t('markCalledBack')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list && !list.length ? <div class="empty">{t('callbacksNone')}</div> : null}
      </div>
    </section>
  );
}

function Message({ task }: { task: CallbackTask }) {
  if (!task.recordingUrl && !task.recordingSeconds) return <span class="muted">{t('noMessage')}</span>;
  // Twilio serves a recording as MP3 when the extension asks for it.
  const audio = task.recordingUrl && /^https?:\/\//.test(task.recordingUrl) ? `${task.recordingUrl}.mp3` : null;
  return (
    <div>
      {task.transcript ? (
        <q>{task.transcript}</q>
      ) : task.transcriptStatus === 'pending' || task.transcriptStatus === 'failed' ? (
        <span class="muted">{tv('transcript', task.transcriptStatus)}</span>
      ) : null}
      <div class="muted">
        {task.recordingSeconds ? `${task.recordingSeconds} ${t('seconds')} · ` : ''}
        {audio ? (
          <a href={audio} target="_blank" rel="noopener noreferrer">
            {t('listen')}
          </a>
        ) : null}
      </div>
    </div>
  );
}
