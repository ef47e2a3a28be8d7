import type { Counters } from '../messages.ts';
import { relativeTime } from '../ui/relative-time.ts';

/** "5 digests · 133 papers · updated 3 h ago", and the way to the side panel and options. */
export function StatusLine({ counters, onOpenPanel, onOptions }: { counters?: Counters; onOpenPanel: () => void; onOptions: () => void }) {
  const when = relativeTime(counters?.updated);
  return (
    <footer class="status">
      <span class="status-text" data-testid="status">
        {counters ? `${counters.digests} ${counters.digests === 1 ? 'digest' : 'digests'} · ${counters.papers} papers${when ? ` · updated ${when}` : ''}` : '…'}
      </span>
      <span class="status-actions">
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
