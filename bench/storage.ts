// What each store and index costs per paper mention, before the disk's compression (`npm run
// bench -- --storage`, and every bench run). Loads mentions of the bench corpus through the extension's
// own write code into an in-memory IndexedDB, then counts every row as Chromium encodes it: the
// value as V8 serialises it, keys as IndexedDB codes them (strings in UTF-16), and one row per
// index entry (index key + primary key). Deterministic: it compares designs, not machines.
import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { unwrap } from 'idb';
import { writeDigestsTo } from '../src/db/records/index.ts';
import { openDigestDb } from '../src/db/schema.ts';
import { mergePending } from '../src/db/search/index.ts';
import { Corpus, PAPERS_PER_DIGEST } from './page/corpus.ts';
import { seedVocabulary, type Vocabulary } from './vocabulary.ts';

const SEED = 20260523;
// Chromium's row key prefix (database, store, index ids) and the value's version and wrapper header.
const ROW_OVERHEAD = 8;

/** An IndexedDB key as Chromium's key coding lays it out: a type byte, then the value. */
function keyBytes(key: IDBValidKey): number {
  if (typeof key === 'string') return 1 + 5 + key.length * 2;
  if (typeof key === 'number') return 1 + 8;
  if (key instanceof Date) return 1 + 8;
  if (Array.isArray(key)) return 1 + 5 + key.reduce<number>((s, k) => s + keyBytes(k), 0);
  if (ArrayBuffer.isView(key)) return 1 + 5 + key.byteLength;
  return 1 + 5 + (key as ArrayBuffer).byteLength;
}

export interface StoreCost {
  readonly store: string;
  /** `store` for the rows themselves, else the index's name. */
  readonly part: string;
  readonly rows: number;
  readonly keyBytes: number;
  readonly valueBytes: number;
}

/** Every store's and index's rows and bytes, as Chromium would write them (before compression). */
export async function storageCosts(db: IDBDatabase): Promise<StoreCost[]> {
  const out: StoreCost[] = [];
  const each = (store: IDBObjectStore | IDBIndex, visit: (c: IDBCursorWithValue | IDBCursor) => void, withValues: boolean) =>
    new Promise<void>((resolve, reject) => {
      const req = withValues ? store.openCursor() : store.openKeyCursor();
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const c = req.result;
        if (!c) return resolve();
        visit(c);
        c.continue();
      };
    });
  for (const name of [...db.objectStoreNames]) {
    const tx = db.transaction(name, 'readonly');
    const store = tx.objectStore(name);
    const rows = { store: name, part: 'store', rows: 0, keyBytes: 0, valueBytes: 0 };
    await each(
      store,
      (c) => {
        rows.rows++;
        rows.keyBytes += ROW_OVERHEAD + keyBytes(c.primaryKey);
        rows.valueBytes += serialize((c as IDBCursorWithValue).value).length;
      },
      true,
    );
    out.push(rows);
    for (const indexName of [...store.indexNames]) {
      const part = { store: name, part: indexName, rows: 0, keyBytes: 0, valueBytes: 0 };
      await each(
        store.index(indexName),
        (c) => {
          part.rows++;
          part.keyBytes += ROW_OVERHEAD + keyBytes(c.key) + keyBytes(c.primaryKey);
          part.valueBytes += 1 + keyBytes(c.primaryKey); // the entry's value: version + primary key
        },
        false,
      );
      out.push(part);
    }
  }
  return out;
}

export async function measureStorage(mentions: number, root: string): Promise<{ mentions: number; costs: StoreCost[] }> {
  // As the bench page has it: read from JSON, so its strings are stored as the browser stores them.
  const corpus = new Corpus(JSON.parse(JSON.stringify(seedVocabulary(root))) as Vocabulary, SEED);
  const db = await openDigestDb(`storage-${mentions}`);
  const digests = Math.ceil(mentions / PAPERS_PER_DIGEST);
  for (let n = 0; n < digests; n += 10) {
    await writeDigestsTo(
      db,
      Array.from({ length: Math.min(10, digests - n) }, (_, i) => corpus.digest(n + i)),
    );
  }
  await mergePending(db);
  const costs = await storageCosts(unwrap(db));
  db.close();
  return { mentions: digests * PAPERS_PER_DIGEST, costs };
}

/** The table: bytes per mention, by store and index, largest first. */
export function storageTable(r: { mentions: number; costs: readonly StoreCost[] }): string {
  const total = r.costs.reduce((s, c) => s + c.keyBytes + c.valueBytes, 0);
  const lines = [`${r.mentions} mentions: ${(total / r.mentions).toFixed(0)} B a mention before compression`, ''];
  lines.push('| store | part | rows | keys B/mention | values B/mention | share |', '|---|---|---:|---:|---:|---:|');
  for (const c of [...r.costs].sort((a, b) => b.keyBytes + b.valueBytes - (a.keyBytes + a.valueBytes))) {
    if (c.rows === 0) continue;
    const per = (x: number) => (x / r.mentions).toFixed(1);
    lines.push(
      `| ${c.store} | ${c.part} | ${c.rows} | ${per(c.keyBytes)} | ${per(c.valueBytes)} | ${(((c.keyBytes + c.valueBytes) / total) * 100).toFixed(1)}% |`,
    );
  }
  return lines.join('\n');
}
