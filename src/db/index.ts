/**
 * The extension's storage: small exported functions over one lazily opened database.
 * Nothing outside src/db sees the database handle.
 */
import type { PaperRef } from '../core/detect/index.ts';
import type { Digest } from '../core/digest/types.ts';
import type { ArxivId } from '../core/ids/arxiv-id.ts';
import type { WriteReport } from '../core/index/types.ts';
import type { LookupResult } from '../core/index/view.ts';
import { lookupIn } from './lookup.ts';
import { type CountersRecord, type DB, DB_NAME, openDigestDb } from './schema.ts';
import { type FetchText, loadStarterInto } from './starter.ts';
import { EMPTY_COUNTERS, rememberArxivIdIn, writeDigestTo } from './write.ts';

export { StorageFullError } from './errors.ts';
export type { CountersRecord } from './schema.ts';

let opening: Promise<DB> | undefined;

export function openDb(): Promise<DB> {
  opening ??= openDigestDb().catch((e: unknown) => {
    opening = undefined;
    throw e;
  });
  return opening;
}

/** Closes the handle (tests, and before deleting the database). */
export async function closeDb(): Promise<void> {
  const db = await opening?.catch(() => undefined);
  db?.close();
  opening = undefined;
}

export async function writeDigest(digest: Digest): Promise<WriteReport> {
  return writeDigestTo(await openDb(), digest);
}

export async function lookup(ref: PaperRef): Promise<LookupResult> {
  return lookupIn(await openDb(), ref);
}

export async function rememberArxivId(paperKey: string, arxivId: ArxivId): Promise<void> {
  return rememberArxivIdIn(await openDb(), paperKey, arxivId);
}

export async function getCounters(): Promise<CountersRecord> {
  return ((await (await openDb()).get('meta', 'counters')) as CountersRecord | undefined) ?? EMPTY_COUNTERS;
}

export async function loadStarterIndex(fetchText: FetchText, options?: { force?: boolean }): Promise<{ loaded: boolean; digests: number }> {
  return loadStarterInto(await openDb(), fetchText, options);
}

/** Empties every store (the schema stays). */
export async function clearAll(): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(['digests', 'papers', 'meta'], 'readwrite');
  await Promise.all([tx.objectStore('digests').clear(), tx.objectStore('papers').clear(), tx.objectStore('meta').clear(), tx.done]);
}

export { DB_NAME };
