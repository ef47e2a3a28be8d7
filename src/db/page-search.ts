/**
 * The popup's search, read in the popup's own page. A stopped service worker takes ~50 ms to
 * start before it can read anything (bench: a lookup with the worker stopped), and the popup
 * usually opens with it stopped. An extension page has the worker's origin, so the same database:
 * while the worker starts, the page reads the index itself with the worker's own search code.
 *
 * Read-only, and only where the worker would answer the same: it never upgrades the database
 * (an upgrade is aborted here and left to the worker), never rebuilds the index or scans the
 * records when the index does not agree with them, waits for copies of one post an upgrade found
 * to be merged, and closes its connection when the worker asks for an upgrade. In each of those
 * cases it answers `undefined`: ask the worker.
 */
import { openDB } from 'idb';
import type { SearchAnswer } from '../core/search/answer.ts';
import { searchAnswerIn } from './records/index.ts';
import { type DB, DB_NAME, DB_VERSION, type DigestLensDB } from './schema.ts';
import { IndexNotCurrent, prepareSearchIn } from './search/index.ts';

let opening: Promise<DB | undefined> | undefined;

function openForReading(): Promise<DB | undefined> {
  opening ??= openDB<DigestLensDB>(DB_NAME, DB_VERSION, {
    // A new or older database: creating or upgrading it is the worker's (and takes it a while).
    upgrade: (_db, _old, _new, tx) => {
      tx.done.catch(() => undefined);
      tx.abort();
    },
    blocking: (_cur, _next, event) => {
      (event.target as IDBDatabase).close();
      opening = Promise.resolve(undefined);
    },
  }).catch(() => {
    // Not opened (no database yet, an upgrade to make, another version's): the next call tries again.
    opening = undefined;
    return undefined;
  });
  return opening;
}

// Copies of one post an upgrade found, which the worker merges before any read of its own: this
// page does not answer until they are merged. Read once per connection.
const copiesToMerge = new WeakMap<DB, Promise<boolean>>();
function mergesPending(db: DB): Promise<boolean> {
  let pending = copiesToMerge.get(db);
  if (!pending) copiesToMerge.set(db, (pending = db.get('meta', 'identityMerges').then((groups) => groups !== undefined)));
  return pending;
}

let preparing: Promise<void> | undefined;

/**
 * Opens the database for reading, before knowing whether this page will read it: it costs the page
 * no work of its own, and a popup whose worker is stopped reads at once.
 */
export function openSearchInPage(): void {
  void openForReading();
}

/** Opens the database and reads what any first query needs, before one is typed (once). */
export function prepareSearchInPage(): Promise<void> {
  preparing ??= prepare();
  return preparing;
}

async function prepare(): Promise<void> {
  const db = await openForReading();
  if (db) await Promise.all([prepareSearchIn(db), mergesPending(db)]).catch(() => undefined);
}

/** The popup's answer read in this page, or `undefined` when only the worker may give it. */
export async function searchInPage(text: string, limit: number): Promise<SearchAnswer | undefined> {
  const db = await openForReading();
  if (!db) return undefined;
  try {
    // Asked together, not one after the other: the answer is dropped if copies wait to be merged.
    const answer = searchAnswerIn(db, text, limit, { fromRecords: false });
    answer.catch(() => undefined);
    if (await mergesPending(db)) return undefined;
    return { ...(await answer), inPage: true };
  } catch (e) {
    // The index is behind the records, or the connection closed for an upgrade: the worker answers.
    if (e instanceof IndexNotCurrent || (e as { name?: string } | null)?.name === 'InvalidStateError') return undefined;
    throw e;
  }
}
