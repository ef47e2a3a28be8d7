/**
 * Compaction: a term's chunks joined into fewer rows. Each merge writes one chunk per term it adds
 * to (merge.ts), so at 1M mentions a common term had ~150 rows, and IndexedDB charges per row read
 * (~30 µs in Chromium, more than the bytes of a small chunk): reading "diffusion", 2.7 KB in 157
 * rows, took 5–6 ms warm. So merges join chunks in tiers, as log-structured stores do: once the
 * merge making `main` ends a run of FANOUT merges (main a multiple of FANOUT), every term those
 * merges wrote gets its chunks of the run joined into one row, under the run's first key; at
 * FANOUT² the runs of FANOUT, and so on. A term then has at most FANOUT − 1 rows per tier, and a
 * pair is rewritten once per tier (docs/search.md, "Fewer rows per term").
 *
 * Readers see the same postings throughout: a term's chunks are read in key order and concatenated
 * (overlaps skipped, as for chunks of before), and a term's rows in a range are replaced by their
 * concatenation in one transaction. Only merges write `postings`, under the merge lock compaction
 * runs in, so rows read before a write are still the rows it replaces. Which terms a run wrote is
 * kept per chunk under SEGMENT_TERMS; a run cut short (a stopped worker) is joined again by the
 * next merge, since the run's lists stay apart until its terms are done.
 *
 * An index written before lists were kept has its older chunks joined once, every term of the
 * vocabulary in turn, LEGACY.terms per merge (LEGACY_NEXT holds where it got to).
 */
import { packPairs, unpackIds, unpackPostings } from '../../core/search/postings-codec.ts';
import type { DB } from '../schema.ts';
import { issueAll, RELAXED } from '../tx.ts';
import { LEGACY_NEXT, MERGED_CHUNKS, mergedChunk, SEGMENT_TERMS, VOCAB_SEP, VOID_TERM } from './layout.ts';

/** Merges per tier's run, terms per transaction, and terms of an older index joined per merge. (Tests make them small.) */
export const COMPACT = { fanout: 8, terms: 256, legacyTerms: 16_384 };

/** Time spent compacting in this context (the benchmark reports it beside merges'). */
export const compactStats = { runs: 0, ms: 0, rows: 0 };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A merge's terms as stored under SEGMENT_TERMS (VOID_TERM, NUL-led, is always joined and never listed). */
export const encodeTerms = (terms: Iterable<string>): Uint8Array => encoder.encode([...terms].filter((t) => t !== VOID_TERM).join(VOCAB_SEP));
const decodeTerms = (bytes: Uint8Array): string[] => (bytes.length ? decoder.decode(bytes).split(VOCAB_SEP) : []);
const segmentKeys = (from: number, to: number): IDBKeyRange => IDBKeyRange.bound([SEGMENT_TERMS, from], [SEGMENT_TERMS, to]);

/** Where the next term of an older index's joining is kept (there only while it runs). */
export const LEGACY_KEY: [string, number] = [LEGACY_NEXT, 0];
export const encodeLegacyNext = (term: string): Uint8Array => encoder.encode(term);

/**
 * A term's rows as one: its pairs in order (a pair in two chunks, as a merge of before cut short
 * left it, once). VOID_TERM's chunks each list the ids one merge voided, old ones among them, so
 * not in order across chunks: their ids, each once, ascending (as readers take them).
 */
function join(term: string, rows: readonly Uint8Array[]): Uint8Array {
  if (term !== VOID_TERM) return packPairs(unpackPostings(rows));
  return packPairs([...new Set(unpackIds(rows))].sort((a, b) => a - b).flatMap((id) => [id, 0]));
}

/**
 * Joins, for each of `terms`, its rows with chunk numbers in [lo, hi] into one, in transactions of
 * COMPACT.terms terms. `legacy`: each transaction also keeps where an older index's joining is to
 * go on (the term after its batch; after the last, `legacy.next`, or nothing when it is done).
 */
async function joinRows(db: DB, terms: readonly string[], lo: number, hi: number, legacy?: { next: string | undefined }): Promise<void> {
  for (let i = 0; i < terms.length; i += COMPACT.terms) {
    const batch = terms.slice(i, i + COMPACT.terms);
    const ranges = batch.map((t) => IDBKeyRange.bound([t, lo], [t, hi]));
    const read = db.transaction('postings');
    const found = await Promise.all(ranges.map((r) => Promise.all([read.store.getAllKeys(r), read.store.getAll(r)])));
    // Built before the write's transaction opens: it holds `postings` (and readers) only for its requests.
    const joined = found.map(([keys, rows], k) => (keys.length > 1 ? { key: keys[0]!, value: join(batch[k]!, rows) } : undefined));
    if (!legacy && joined.every((j) => !j)) continue;
    const tx = db.transaction('postings', 'readwrite', RELAXED);
    try {
      await issueAll((add) => {
        joined.forEach((j, k) => {
          if (!j) return;
          // The joined row first: should the rest not be deleted, readers skip the pairs read twice.
          add(tx.store.put(j.value, j.key));
          add(tx.store.delete(IDBKeyRange.bound(j.key, [batch[k]!, hi], true, false)));
        });
        if (legacy) {
          const resume = terms[i + COMPACT.terms] ?? legacy.next;
          add(resume === undefined ? tx.store.delete(LEGACY_KEY) : tx.store.put(encodeLegacyNext(resume), LEGACY_KEY));
        }
      });
      await tx.done;
    } catch (e) {
      // A request refused as it was made leaves the others issued: none of the batch is kept.
      tx.done.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        // It had ended already.
      }
      throw e;
    }
    for (const [k, j] of joined.entries()) if (j) compactStats.rows += found[k]![0].length - 1;
  }
}

/**
 * After the merge making `main` has ended: joins the tiers' runs it completes (a run's lists
 * still apart) and, once per older index, its chunks from before lists were kept. `terms`: the
 * vocabulary's terms, sorted (the older chunks' terms are among them).
 */
export async function compactPostings(db: DB, main: number, terms: () => readonly string[]): Promise<void> {
  const t0 = performance.now();
  try {
    const first = await db.getKey('postings', segmentKeys(-Infinity, Infinity));
    if (!first) return;
    const listedFrom = first[1] - MERGED_CHUNKS;
    const spans: number[] = [];
    for (let span = COMPACT.fanout; span <= main; span *= COMPACT.fanout) spans.push(span);
    // The longest run first: a shorter run ending at the same merge lies within it.
    for (const span of spans.reverse()) {
      const end = main - (main % span);
      const start = Math.max(end - span + 1, listedFrom);
      if (start >= end) continue;
      const lists = segmentKeys(mergedChunk(start), mergedChunk(end));
      const [keys, values] = await Promise.all([db.getAllKeys('postings', lists), db.getAll('postings', lists)]);
      if (keys.length < 2) continue;
      compactStats.runs++;
      const union = [...new Set(values.flatMap(decodeTerms))].sort();
      await joinRows(db, [VOID_TERM, ...union], mergedChunk(start), mergedChunk(end));
      // The run's terms, as one list under its first key: done.
      const tx = db.transaction('postings', 'readwrite', RELAXED);
      await issueAll((add) => {
        add(tx.store.put(encodeTerms(union), keys[0]!));
        add(tx.store.delete(IDBKeyRange.bound(keys[0]!, [SEGMENT_TERMS, mergedChunk(end)], true, false)));
      });
      await tx.done;
    }
    const legacy = await db.get('postings', LEGACY_KEY);
    if (!legacy) return;
    // Every term, VOID_TERM first (NUL-led), from where the last merge stopped.
    const all = [VOID_TERM, ...terms()];
    const from = decoder.decode(legacy);
    let at = 0;
    while (at < all.length && all[at]! < from) at++;
    const batch = all.slice(at, at + COMPACT.legacyTerms);
    if (batch.length === 0) await db.delete('postings', LEGACY_KEY);
    else await joinRows(db, batch, -Infinity, mergedChunk(listedFrom) - 1, { next: all[at + COMPACT.legacyTerms] });
  } finally {
    compactStats.ms += performance.now() - t0;
  }
}
