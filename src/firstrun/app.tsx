import { useState } from 'preact/hooks';
import { REACH_BACK_MONTHS } from '../core/settings.ts';
import { api, send } from '../transport.ts';
import { SyncProgressBar } from '../ui/sync-progress.tsx';
import type { SyncStore } from '../ui/sync-store.ts';
import { hostOf, reachBackLabel, reportText, STATUS_WORDS } from '../ui/sync-text.ts';

const CHOICES = [...REACH_BACK_MONTHS, 'all' as const];

/**
 * After install: what Digest Lens syncs and from where, how far back, and the reader's go-ahead.
 * Nothing is fetched before "Start syncing"; then the page shows the sync's progress and result.
 */
export function App({ sync }: { sync: SyncStore }) {
  const s = sync.status.value;
  const [reachBack, setReachBack] = useState<number | 'all'>(6);
  const [starting, setStarting] = useState(false);
  const [declined, setDeclined] = useState(false);
  const sources = s?.settings.sources.filter((x) => x.enabled) ?? [];
  const report = sync.justDone.value;
  const agreed = s?.settings.consented ?? false;

  const start = () => {
    setStarting(true);
    // Asked from the click itself (a prompt needs the gesture); already granted sites pass at once.
    const origins = [...new Set(sources.map((x) => `${new URL(x.url).protocol}//${new URL(x.url).hostname}/*`))];
    const asking = origins.length ? api.permissions.request({ origins }).catch(() => false) : Promise.resolve(true);
    void asking
      .then(() => send('saveSyncSettings', { consented: true, reachBack }))
      .then(() => sync.syncNow())
      .catch((e: unknown) => (sync.message.value = (e as Error).message))
      .finally(() => setStarting(false));
  };

  return (
    <main class="firstrun">
      <h1>Welcome to Digest Lens</h1>
      <p class="lead-in">
        Digest Lens shows what the weekly machine-learning paper digests say about the arXiv paper or GitHub repository you are reading. It looks papers up in
        an index kept in this browser: a small starter index is already there.
      </p>
      <section class="card" aria-labelledby="what-h">
        <h2 id="what-h">Keeping the index fresh</h2>
        <p>To bring in each week's new digests, Digest Lens can sync them from:</p>
        <ul class="sources" data-testid="firstrun-sources">
          {s ? (
            sources.map((x) => (
              <li key={x.id}>
                <strong>{hostOf(x.url)}</strong> <span class="muted">({x.url})</span>
              </li>
            ))
          ) : (
            <li class="muted">…</li>
          )}
        </ul>
        <p>
          It reads the sites' public posts (their WordPress API, or a feed) every {Math.round((s?.settings.intervalMinutes ?? 360) / 60)} hours and at browser
          start, and keeps them here. It sends nothing about you or the pages you visit: the requests only ask for posts. You can change the sources, the
          schedule and what is kept in Options.
        </p>
        {!agreed && !declined && (
          <>
            <fieldset class="reach" disabled={starting}>
              <legend>How far back should the first sync go?</legend>
              {CHOICES.map((c) => (
                <label key={c}>
                  <input type="radio" name="reach" value={String(c)} checked={reachBack === c} onChange={() => setReachBack(c)} />
                  {reachBackLabel(c)}
                  {c === 6 && <span class="muted"> (recommended)</span>}
                  {c === 'all' && <span class="muted"> (slower; a few hundred posts a month)</span>}
                </label>
              ))}
            </fieldset>
            <div class="actions">
              <button type="button" class="primary" disabled={starting || !s} onClick={start} data-testid="firstrun-start">
                Start syncing
              </button>
              <button type="button" class="secondary" disabled={starting} onClick={() => setDeclined(true)} data-testid="firstrun-decline">
                Not now
              </button>
            </div>
          </>
        )}
        {declined && !agreed && (
          <p data-testid="firstrun-declined">
            Nothing will be fetched. You can turn sync on at any time in{' '}
            <button type="button" class="link-button" onClick={() => void api.runtime.openOptionsPage()}>
              Options
            </button>
            ; the starter index stays.
          </p>
        )}
        {sync.message.value && (
          <p class="error" role="alert" data-testid="firstrun-message">
            {sync.message.value}
          </p>
        )}
        {agreed && s?.running && <SyncProgressBar progress={s.running.progress} />}
        {agreed && !s?.running && (report ?? s?.last) && (
          <p data-testid="firstrun-result" data-status={(report ?? s!.last)!.status}>
            <strong>{STATUS_WORDS[(report ?? s!.last)!.status]}:</strong> {reportText((report ?? s!.last)!)}.{' '}
            {(report ?? s!.last)!.status === 'ok'
              ? 'You can close this page; Digest Lens keeps syncing by itself.'
              : 'The details are in Options → Sync; it will try again later.'}
          </p>
        )}
      </section>
    </main>
  );
}
