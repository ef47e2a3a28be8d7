/**
 * Runs syncs in the service worker: one at a time (the engine's IndexedDB lock, and this worker's
 * own record of its run), progress broadcast to open pages, and afterwards retention, the badges,
 * chips and panels (indexChanged) and the report.
 */

import type { SyncSettings } from '../core/settings.ts';
import type { SyncProgress, SyncReport, SyncStart } from '../core/sync/report.ts';
import { getSyncLock, releaseSyncLock } from '../db/index.ts';
import type { SyncBroadcast } from '../messages.ts';
import { applyRetention, emptyReport, retentionCutoff, type SourceConfig, syncExtension } from '../sync/index.ts';
import { api } from '../transport.ts';
import { indexChanged } from './index-changed.ts';
import { foregroundIdle } from './router.ts';
import { scheduleRetry } from './sync-alarm.ts';
import { getSyncSettings, originPattern } from './sync-settings.ts';

/** This worker's lock owner id: a lock with another `bg-` owner belongs to a worker that was stopped. */
const OWNER = `bg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const PROGRESS_EVERY_MS = 150;
const RETENTION_KEY = 'lastRetention';

interface Running {
  readonly started: string;
  progress?: SyncProgress;
  readonly done: Promise<SyncReport>;
}

let running: Running | undefined;

export function currentSync(): { started: string; progress?: SyncProgress } | undefined {
  return running && { started: running.started, ...(running.progress ? { progress: running.progress } : {}) };
}

async function tell(message: SyncBroadcast): Promise<void> {
  try {
    await api.runtime.sendMessage(message);
  } catch {
    // No extension page is open.
  }
}

/** Source ids whose host the reader has not granted (a user-added site, or access removed). */
export async function sourcesWithoutAccess(settings: SyncSettings): Promise<string[]> {
  const out: string[] = [];
  for (const s of settings.sources.filter((x) => x.enabled)) {
    if (!(await api.permissions.contains({ origins: [originPattern(s.url)] }).catch(() => false))) out.push(s.id);
  }
  return out;
}

/**
 * Only this worker syncs in the extension (pages ask it to), so while it runs no sync itself, a lock
 * held by another worker instance is left by one Chrome stopped mid-sync: take it over at once
 * rather than waiting for it to expire.
 */
async function takeOverDeadWorkerLock(): Promise<void> {
  const held = await getSyncLock();
  if (held && held.owner !== OWNER && held.owner.startsWith('bg-')) await releaseSyncLock(held.owner);
}

/** Starts a sync unless one runs or the reader has not agreed yet; answers at once. */
export async function startSync(why: 'now' | 'alarm' | 'startup' | 'first-run'): Promise<SyncStart> {
  if (running) return { status: 'busy', message: 'Already syncing: the running sync goes on.' };
  const started = new Date().toISOString();
  let ready!: (r: SyncReport) => void;
  const run: Running = { started, done: new Promise((r) => (ready = r)) };
  running = run;
  const settings = await getSyncSettings();
  if (!settings.consented) {
    running = undefined;
    return { status: 'needs-consent', message: 'Sync is not set up yet: open the first-run page to choose what to sync.' };
  }
  void doSync(settings, run, why)
    .catch((e: unknown) => failedReport(started, e))
    .then((report) => {
      // Not running before the pages hear it ended: the status they then ask for must say so.
      if (running === run) running = undefined;
      ready(report);
      return tell({ type: 'syncDone', report });
    });
  return { status: 'started', message: 'Sync started.' };
}

/** The running sync's report, or undefined when none runs (tests and the first-run page wait on it). */
export function whenSynced(): Promise<SyncReport> | undefined {
  return running?.done;
}

function failedReport(started: string, e: unknown): SyncReport {
  return { ...emptyReport(Date.parse(started)), status: 'failed', finished: new Date().toISOString(), error: (e as Error)?.message ?? String(e) };
}

async function doSync(settings: SyncSettings, run: Running, why: string): Promise<SyncReport> {
  const noAccess = new Set(await sourcesWithoutAccess(settings));
  const sources: SourceConfig[] = settings.sources.filter((s) => s.enabled && !noAccess.has(s.id)).map(({ id, kind, url }) => ({ id, kind, url }));
  await takeOverDeadWorkerLock();
  let lastTold = 0;
  const report = await syncExtension({
    sources,
    // A redirect (or a next page, or an API root) on another site is followed only to a site the reader granted.
    // Between posts the sync waits while a page lookup (or the panel, the popup) is being answered.
    pause: () => foregroundIdle(),
    http: { allowHost: (u) => api.permissions.contains({ origins: [originPattern(u.href)] }).catch(() => false) },
    reachBack: settings.reachBack,
    topics: settings.topics,
    owner: OWNER,
    onProgress: (p) => {
      run.progress = p;
      const now = Date.now();
      // Enough to move a progress bar; each message also keeps the worker awake.
      if (p.phase === 'done' || p.done === p.total || now - lastTold >= PROGRESS_EVERY_MS) {
        lastTold = now;
        void tell({ type: 'syncProgress', progress: p });
      }
    },
  });
  for (const id of noAccess) {
    const s = settings.sources.find((x) => x.id === id)!;
    report.sources.push({
      id,
      url: s.url,
      added: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      filtered: 0,
      error: { kind: 'other', message: `Digest Lens may not read ${new URL(s.url).hostname}: allow access to it in Options → Sync.` },
    });
  }
  if (noAccess.size > 0 && report.status === 'ok') report.status = sources.length ? 'partial' : 'failed';
  let changed = report.added + report.updated > 0;
  if (settings.retentionMonths > 0 && report.status !== 'busy') {
    try {
      const dropped = await applyRetention(settings.retentionMonths);
      await api.storage.local.set({
        [RETENTION_KEY]: { at: new Date().toISOString(), cutoff: retentionCutoff(settings.retentionMonths, Date.now()), dropped },
      });
      changed ||= dropped > 0;
    } catch (e) {
      console.error('Digest Lens: retention', e);
    }
  }
  if (report.status === 'failed' || report.status === 'partial') await scheduleRetry().catch(() => undefined);
  if (changed) indexChanged();
  console.info(`Digest Lens: sync (${why}) ${report.status}: ${report.added} new, ${report.updated} updated, ${report.failed} failed`);
  return report;
}

export async function lastRetention(): Promise<{ at: string; cutoff: string; dropped: number } | undefined> {
  return (await api.storage.local.get(RETENTION_KEY))[RETENTION_KEY] as { at: string; cutoff: string; dropped: number } | undefined;
}
