import type { CountersRecord } from '../core/index/types.ts';
import { relativeTime } from '../ui/relative-time.ts';
import type { SyncStore } from '../ui/sync-store.ts';
import { progressText } from '../ui/sync-text.ts';

interface Props {
  counters?: CountersRecord | undefined;
  sync: SyncStore;
  onOpenPanel: () => void;
  onOptions: () => void;
  onSetUpSync: () => void;
}

/** "5 digests · 133 papers · updated 3 h ago", sync ("12 new digests", or its progress), and the ways on. */
export function StatusLine({ counters, sync, onOpenPanel, onOptions, onSetUpSync }: Props) {
  const when = relativeTime(counters?.updated);
  const s = sync.status.value;
  return (
    <footer class="status">
      <span class="status-text" data-testid="status">
        {counters ? `${counters.digests} ${counters.digests === 1 ? 'digest' : 'digests'} · ${counters.papers} papers${when ? ` · updated ${when}` : ''}` : '…'}
      </span>
      {s && <SyncText sync={sync} />}
      <span class="status-actions">
        {s && !s.settings.consented ? (
          <button type="button" class="link-button" onClick={onSetUpSync} data-testid="set-up-sync">
            Set up sync
          </button>
        ) : (
          <button type="button" class="link-button" disabled={!s || !!s.running} onClick={() => void sync.syncNow()} data-testid="sync-now">
            Sync now
          </button>
        )}
        <button type="button" class="link-button" onClick={onOpenPanel}>
          Open side panel
        </button>
        <button type="button" class="link-button" onClick={onOptions}>
          Options
        </button>
      </span>
    </footer>
  );
}

function SyncText({ sync }: { sync: SyncStore }) {
  const s = sync.status.value!;
  const report = sync.justDone.value ?? s.last;
  let text: string;
  let state = 'idle';
  if (sync.message.value) text = sync.message.value;
  else if (s.running) {
    text = progressText(s.running.progress);
    state = 'running';
  } else if (!report) text = s.settings.consented ? 'Not synced yet' : '';
  else if (report.status === 'failed') {
    text = `Sync failed ${relativeTime(report.finished) ?? ''}: see Options`;
    state = 'failed';
  } else {
    text = `${report.added} new ${report.added === 1 ? 'digest' : 'digests'}${report.status === 'partial' ? ' (some sources failed)' : ''} · synced ${relativeTime(report.finished) ?? ''}`;
    state = 'done';
  }
  if (!text) return null;
  return (
    <span class="sync-text" data-testid="sync-status" data-state={state} aria-live="polite">
      {text}
    </span>
  );
}
