import type { Clock } from './clock.ts';
import type { SyncLockRecord, SyncStore } from './store.ts';

/** A lock left by a killed service worker expires after this; a live runner renews it as it goes. */
export const LOCK_TTL_MS = 2 * 60_000;

/** Takes the sync lock, polling until `waitMs` has passed; `acquired: false` means another sync runs. */
export async function acquireLock(
  store: SyncStore,
  owner: string,
  clock: Clock,
  o: { ttlMs: number; waitMs: number; signal?: AbortSignal },
): Promise<{ acquired: boolean; holder?: SyncLockRecord }> {
  const deadline = clock.now() + o.waitMs;
  for (;;) {
    const got = await store.acquireLock(owner, o.ttlMs, clock.now());
    if (got.acquired || clock.now() >= deadline) return got;
    await clock.sleep(Math.min(1000, Math.max(0, deadline - clock.now())), o.signal);
  }
}

export function newOwnerId(): string {
  return `sync-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
