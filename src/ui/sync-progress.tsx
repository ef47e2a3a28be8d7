import type { SyncProgress } from '../core/sync/report.ts';
import { progressText } from './sync-text.ts';

/** A running sync: which source, n of m posts, as text (read out) and a bar. */
export function SyncProgressBar({ progress }: { progress?: SyncProgress | undefined }) {
  const counting = progress && (progress.phase === 'fetch' || progress.phase === 'reparse') && progress.total > 0;
  return (
    <div class="sync-progress" data-testid="sync-progress">
      <span aria-live="polite">{progressText(progress)}</span>
      {counting ? <progress max={progress.total} value={progress.done} /> : <progress />}
    </div>
  );
}
