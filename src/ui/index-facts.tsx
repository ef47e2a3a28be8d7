import type { CountersRecord } from '../core/index/types.ts';
import { relativeTime } from './relative-time.ts';
import type { SyncStore } from './sync-store.ts';
import { progressText } from './sync-text.ts';

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/**
 * What the index holds and when it last synced, with the way to sync now (or to set sync up):
 * what a reader wants to know when the digests do not name a page.
 */
export function IndexFacts({ counters, sync, onSetUpSync }: { counters?: CountersRecord; sync?: SyncStore; onSetUpSync?: () => void }) {
  const s = sync?.status.value;
  const last = sync?.justDone.value ?? s?.last;
  let when: string | undefined;
  if (s?.running) when = progressText(s.running.progress);
  else if (last?.finished) when = `last synced ${relativeTime(last.finished) ?? ''}`.trim();
  else if (s?.settings.consented) when = 'not synced yet';
  else if (s) when = 'sync is off';
  return (
    <div class="index-facts" data-testid="index-facts">
      <p>
        {counters ? `Your index holds ${plural(counters.digests, 'digest')} and ${plural(counters.papers, 'paper')}` : 'Your index'}
        {when ? `; ${when}.` : '.'}
      </p>
      {sync && s && (
        <p>
          {s.settings.consented ? (
            <button type="button" class="small-button" disabled={!!s.running} onClick={() => void sync.syncNow()} data-testid="panel-sync-now">
              Sync now
            </button>
          ) : (
            onSetUpSync && (
              <button type="button" class="small-button" onClick={onSetUpSync} data-testid="panel-set-up-sync">
                Turn on sync
              </button>
            )
          )}
          {sync.message.value && <span class="copy-state">{sync.message.value}</span>}
        </p>
      )}
    </div>
  );
}
