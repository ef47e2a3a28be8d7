/**
 * Sync as the pages see it: the status from the background, the running sync's progress from its
 * broadcasts, and "Sync now". Browser calls come in as deps; each page wires its own.
 */
import { signal } from '@preact/signals';
import type { SyncReport, SyncStart, SyncStatus } from '../core/sync/report.ts';
import type { SyncBroadcast } from '../messages.ts';

export interface SyncDeps {
  status(): Promise<SyncStatus>;
  syncNow(): Promise<SyncStart>;
}

export function createSyncStore(deps: SyncDeps) {
  const status = signal<SyncStatus | undefined>(undefined);
  /** The report of a sync that ended while this page was open. */
  const justDone = signal<SyncReport | undefined>(undefined);
  const message = signal<string | undefined>(undefined);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const s = await deps.status();
      if (mine === generation) status.value = s;
    } catch (e) {
      if (mine === generation) message.value = (e as Error).message;
    }
  }

  async function syncNow(): Promise<SyncStart | undefined> {
    try {
      const start = await deps.syncNow();
      message.value = start.status === 'started' ? undefined : start.message;
      justDone.value = undefined;
      await refresh();
      return start;
    } catch (e) {
      message.value = (e as Error).message;
      return undefined;
    }
  }

  function onBroadcast(m: SyncBroadcast): void {
    const s = status.value;
    if (m.type === 'syncProgress') {
      if (s) status.value = { ...s, running: { started: s.running?.started ?? new Date().toISOString(), progress: m.progress } };
      else void refresh();
      return;
    }
    justDone.value = m.report;
    void refresh();
  }

  return { status, justDone, message, refresh, syncNow, onBroadcast };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
