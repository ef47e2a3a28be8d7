/** How sync's progress and reports read, the same in the popup, options and first-run pages. */
import type { SyncProgress, SyncReport } from '../core/sync/report.ts';

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function progressText(p: SyncProgress | undefined): string {
  if (!p) return 'Syncing…';
  const where = hostOf(p.url);
  switch (p.phase) {
    case 'reparse':
      return `Re-reading stored posts with the new parser: ${p.done} of ${p.total}`;
    case 'discover':
      return `Finding ${where}'s posts…`;
    case 'list':
      return `Looking for new posts on ${where}…${p.done ? ` ${p.done} listed` : ''}`;
    case 'fetch':
      return p.total ? `Syncing ${where}: ${p.done} of ${p.total} posts` : `${where}: nothing new`;
    case 'done':
      return `${where} done`;
  }
}

/** "12 new digests · 3 updated · 1 post could not be read". */
export function reportText(r: SyncReport): string {
  if (r.status === 'busy') return 'Another sync was running.';
  if (r.status === 'aborted') return 'The sync was stopped; the next one resumes where it stopped.';
  const parts = [plural(r.added, 'new digest')];
  if (r.updated) parts.push(`${r.updated} updated`);
  if (r.failed) parts.push(`${plural(r.failed, 'post')} could not be read`);
  if (r.filtered) parts.push(`${plural(r.filtered, 'post')} of other topics skipped`);
  return parts.join(' · ');
}

export const STATUS_WORDS: Record<SyncReport['status'], string> = {
  ok: 'Synced',
  partial: 'Synced with errors',
  failed: 'Sync failed',
  busy: 'Busy',
  aborted: 'Stopped',
};

export function reachBackLabel(v: number | 'all'): string {
  if (v === 'all') return 'everything';
  if (v === 12) return '1 year';
  if (v === 24) return '2 years';
  return plural(v, 'month');
}
