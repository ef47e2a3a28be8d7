import { REACH_BACK_MONTHS, RETENTION_MONTHS, SYNC_INTERVALS_MINUTES, type SyncSettings } from '../core/settings.ts';
import { api, send } from '../transport.ts';
import { relativeTime } from '../ui/relative-time.ts';
import { SyncProgressBar } from '../ui/sync-progress.tsx';
import type { SyncStore } from '../ui/sync-store.ts';
import { reachBackLabel } from '../ui/sync-text.ts';
import { grantOrigins } from './sync-access.ts';
import { SyncReportView } from './sync-report.tsx';
import { SyncSources } from './sync-sources.tsx';

const hours = (m: number) => (m < 60 ? `${m} min` : m === 60 ? 'hour' : m % 1440 === 0 ? (m === 1440 ? 'day' : `${m / 1440} days`) : `${m / 60} hours`);
const retentionLabel = (m: number) => (m === 0 ? 'Keep everything' : `Drop digests older than ${reachBackLabel(m)}`);

/** Options → Sync: Sync now and progress, what and how often to sync, and the last sync's result. */
export function SyncSection({ sync }: { sync: SyncStore }) {
  const s = sync.status.value;
  const save = async (patch: Partial<SyncSettings>) => {
    try {
      await send('saveSyncSettings', patch);
      sync.message.value = undefined;
    } catch (e) {
      sync.message.value = (e as Error).message;
    }
    await sync.refresh();
  };
  if (!s) {
    return (
      <section class="card" aria-labelledby="sync-h">
        <h2 id="sync-h">Sync</h2>
        <p class="muted">Reading sync settings…</p>
      </section>
    );
  }
  const { settings } = s;
  const turnOn = () => {
    // Straight from the click: the browser asks for site access only during a gesture.
    void grantOrigins(settings.sources.filter((x) => x.enabled).map((x) => x.url)).then(() => save({ consented: true }));
  };
  return (
    <section class="card sync" aria-labelledby="sync-h" data-testid="sync-section">
      <h2 id="sync-h">Sync</h2>
      {!settings.consented ? (
        <div class="notice" data-testid="sync-off">
          <p>Sync is off: Digest Lens fetches nothing until you turn it on. It then reads the enabled sources below every {hours(settings.intervalMinutes)}.</p>
          <div class="export-row">
            <button type="button" class="primary" onClick={turnOn} data-testid="sync-turn-on">
              Turn on sync
            </button>
            <button type="button" onClick={() => void api.tabs.create({ url: api.runtime.getURL('src/firstrun/index.html') })}>
              What does sync do?
            </button>
          </div>
        </div>
      ) : (
        <div class="export-row center">
          <button type="button" class="primary" disabled={!!s.running} onClick={() => void sync.syncNow()} data-testid="options-sync-now">
            {s.running ? 'Syncing…' : 'Sync now'}
          </button>
          <span class="muted" data-testid="sync-next">
            {s.nextAlarm && !s.running ? `Next sync ${new Date(s.nextAlarm).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}` : ''}
          </span>
        </div>
      )}
      {sync.message.value && (
        <p class="error" role="alert" data-testid="sync-message">
          {sync.message.value}
        </p>
      )}
      {s.running && <SyncProgressBar progress={s.running.progress} />}
      <SyncReportView status={s} />
      <SyncSources status={s} onSave={save} />
      <h3>Schedule and what to keep</h3>
      <div class="sync-grid">
        <label>
          <span>Sync every</span>
          <select
            value={settings.intervalMinutes}
            onChange={(e) => void save({ intervalMinutes: Number((e.target as HTMLSelectElement).value) })}
            data-testid="sync-interval"
          >
            {SYNC_INTERVALS_MINUTES.map((m) => (
              <option key={m} value={m}>
                {hours(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>How far back (a source's first sync)</span>
          <select
            value={String(settings.reachBack)}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              void save({ reachBack: v === 'all' ? 'all' : Number(v) });
            }}
            data-testid="sync-reach-back"
          >
            {[...REACH_BACK_MONTHS, 'all' as const].map((m) => (
              <option key={m} value={String(m)}>
                {reachBackLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Retention</span>
          <select
            value={settings.retentionMonths}
            onChange={(e) => void save({ retentionMonths: Number((e.target as HTMLSelectElement).value) })}
            data-testid="sync-retention"
          >
            {RETENTION_MONTHS.map((m) => (
              <option key={m} value={m}>
                {retentionLabel(m)}
              </option>
            ))}
          </select>
        </label>
        <label class="wide">
          <span>Topics to keep (comma-separated; empty keeps all)</span>
          <input
            type="text"
            value={settings.topics.join(', ')}
            placeholder="e.g. deep learning, federated learning"
            onChange={(e) => void save({ topics: (e.target as HTMLInputElement).value.split(',') })}
            data-testid="sync-topics"
          />
        </label>
      </div>
      {s.retention && (
        <p class="muted">
          Retention {relativeTime(s.retention.at)} dropped {s.retention.dropped} {s.retention.dropped === 1 ? 'digest' : 'digests'} dated before{' '}
          {s.retention.cutoff}.
        </p>
      )}
      {settings.consented && (
        <p>
          <button type="button" class="link-button" onClick={() => void save({ consented: false })} data-testid="sync-turn-off">
            Turn sync off
          </button>{' '}
          <span class="muted">(what is stored stays)</span>
        </p>
      )}
    </section>
  );
}
