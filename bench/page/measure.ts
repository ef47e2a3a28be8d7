/** Measurements inside the extension's origin, on the database the service worker uses. */

import type { PaperRef } from '../../src/core/detect/index.ts';
import type { ArxivId } from '../../src/core/ids/arxiv-id.ts';
import { parseGithubUrl } from '../../src/core/ids/github-repo.ts';
import { titleKey } from '../../src/core/ids/title-key.ts';
import { decodePaper, headersOf, keyHash } from '../../src/core/index/paper-codec.ts';
import { digestDoc, paperDoc } from '../../src/core/search/document.ts';
import { linearSearch } from '../../src/core/search/match.ts';
import { parseQuery } from '../../src/core/search/query.ts';
import { paperIn } from '../../src/db/paper-rows.ts';
import { findPapersIn, lookupIn, writeDigestTo, writeStats } from '../../src/db/records/index.ts';
import type { DB } from '../../src/db/schema.ts';
import { mergePending, mergeWaiting, neighboursOfText, relativesByTerms, searchIn, searchIndexReady } from '../../src/db/search/index.ts';
import { FIRST_SCREEN, RESULTS_PAGE } from '../../src/popup/popup-store.ts';
import type { Corpus } from './corpus.ts';
import { p50p95, round, timeEach, timeInto } from './stats.ts';

/** 1–3 word queries, typed a letter at a time from the second letter on. */
export const QUERIES = [
  'segmentation',
  'breast ultrasound',
  'medical image segmentation',
  'graph neural',
  'diffusion model',
  'uncertainty estimation',
  'segmantation',
  'federated learning privacy',
];

export function keystrokes(): string[] {
  return QUERIES.flatMap((q) => Array.from({ length: q.length - 1 }, (_, i) => q.slice(0, i + 2)).filter((p) => !p.endsWith(' ')));
}

export async function measureLookups(db: DB, corpus: Corpus) {
  // A paper named again later carries its newest mention's title: look it up by that one.
  const samples = await Promise.all(corpus.samples.slice(0, 200).map(async (s) => ({ ...s, title: (await paperIn(db, s.arxivId))?.title ?? s.title })));
  // Warm the handle first: a lookup on a running worker has its database open.
  await db.get('papers', samples[0]!.arxivId);
  const refs = (s: (typeof samples)[number]): PaperRef[] => {
    const repo = s.repo ? parseGithubUrl(`https://github.com/${s.repo}`) : undefined;
    return [
      { kind: 'arxiv', id: s.arxivId as ArxivId },
      { kind: 'title', title: s.title, key: titleKey(s.title) },
      ...(repo?.kind === 'github-repo' ? [repo] : []),
    ];
  };
  // Per sample, the raw gets and then the page lookups (the papers a page names, with their
  // mentions: what the badge and chip show), one after the other: a p95 against a p95 compares
  // the code only when both saw the same moments of the browser (its collections, LevelDB's
  // compactions and the machine's hiccups otherwise land on one loop and not the other).
  const rawGet: number[] = [];
  const rawIndexGet: number[] = [];
  const page = { arxiv: [] as number[], title: [] as number[], 'github-repo': [] as number[] };
  for (const s of samples) {
    await timeInto(rawGet, () => db.get('papers', s.arxivId));
    await timeInto(rawIndexGet, () => db.getFromIndex('papers', 'by-title', keyHash(titleKey(s.title))));
    for (const ref of refs(s)) {
      const m = await timeInto(page[ref.kind as keyof typeof page], () => findPapersIn(db, ref));
      if (m.own.length === 0) throw new Error(`not found: ${JSON.stringify(ref)}`);
    }
  }
  // The side panel's whole view: digests and related papers across digests too.
  const panel = await timeEach(samples, (s) => lookupIn(db, { kind: 'arxiv', id: s.arxivId as ArxivId }));
  // One part of it alone: related papers by shared title words, off the search index.
  const byTerms = await timeEach(samples, async (s) => {
    const paper = await paperIn(db, s.arxivId);
    if (paper) await relativesByTerms(db, paper, 12);
  });

  // A page no digest names: the papers and digests closest to its title and abstract (here a
  // corpus paper's title without its short name, and its digest sentence as the abstract).
  const closest = await timeEach(samples, async (s) => {
    const paper = await paperIn(db, s.arxivId);
    await neighboursOfText(db, s.title.replace(/^[^:]{1,40}:\s*/, ''), paper?.mentions[0]?.contexts[0]?.text ?? '', 5);
  });
  const found = await lookupIn(db, { kind: 'arxiv', id: samples[0]!.arxivId as ArxivId });
  if (found.status !== 'found') throw new Error('a corpus paper was not found');
  return {
    rawGet: p50p95(rawGet),
    rawIndexGet: p50p95(rawIndexGet),
    lookupId: p50p95(page.arxiv),
    lookupTitle: p50p95(page.title),
    lookupRepo: p50p95(page['github-repo']),
    lookup: p50p95([...page.arxiv, ...page.title, ...page['github-repo']]),
    panel: p50p95(panel),
    relatedByTerms: p50p95(byTerms),
    closest: p50p95(closest),
    relatedPerPaper: found.papers[0]!.related.length,
  };
}

/**
 * A reader typing while digests are written: a keystroke every `everyMs`, the queries in turn,
 * until `stop`. Answers whatever the index holds at that moment; their times are what is reported.
 */
export function typeMeanwhile(db: DB, everyMs = 250): { stop(): Promise<number[]> } {
  const keys = keystrokes();
  const times: number[] = [];
  let typing = true;
  const loop = (async () => {
    for (let i = 0; typing; i++) {
      await new Promise((r) => setTimeout(r, everyMs));
      if (typing) await timeInto(times, () => searchIn(db, parseQuery(keys[i % keys.length]!), FIRST_SCREEN));
    }
  })();
  return {
    async stop() {
      typing = false;
      await loop;
      return times;
    },
  };
}

export async function measureSearch(db: DB, withLinear: boolean) {
  await searchIndexReady(db);
  const keys = keystrokes();
  // First query of a context: the vocabulary read included (what a cold popup/worker pays).
  const t0 = performance.now();
  const first = await searchIn(db, parseQuery('segmentation'), FIRST_SCREEN);
  const firstQueryMs = performance.now() - t0;
  // Each keystroke as the popup asks: its first screen, then the rest of the page (postings
  // and the first screen's documents kept by then), each timed on its own.
  const index: number[] = [];
  const fill: number[] = [];
  for (const k of keys) {
    await timeInto(index, () => searchIn(db, parseQuery(k), FIRST_SCREEN));
    await timeInto(fill, () => searchIn(db, parseQuery(k), RESULTS_PAGE));
  }
  const hits = first.length;
  // The slowest keystrokes, to see what the tail is made of.
  const slowest = keys
    .map((k, i) => `${k} ${round(index[i]!)}`)
    .sort((a, b) => Number(b.split(' ').at(-1)) - Number(a.split(' ').at(-1)))
    .slice(0, 8);
  if (!withLinear) return { firstQueryMs: round(firstQueryMs), search: p50p95(index), fill: p50p95(fill), hits, slowest };
  // Design B, today's: load every record into memory once, then scan per keystroke.
  const l0 = performance.now();
  const tx = db.transaction(['papers', 'digests']);
  const [rows, digests] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('digests').getAll()]);
  const headers = headersOf(digests);
  const docs = [...rows.map((r) => paperDoc(decodePaper(r, headers))), ...digests.map(digestDoc)];
  const loadAllMs = performance.now() - l0;
  const linear = await timeEach(keys, async (k) => linearSearch(docs, parseQuery(k), FIRST_SCREEN));
  // Same answers: the index is the linear scan's semantics, served from postings.
  let mismatches = 0;
  // Every third keystroke: at 100k each linear answer costs a second.
  for (const k of keys.filter((_, i) => i % 3 === 0)) {
    // Compared by rank (score and date): among exact ties the scan orders by key, the index by id.
    const rank = (hs: { score: number; doc: { date: string } }[]) => hs.map((h) => `${h.score}@${h.doc.date}`).join();
    const a = rank(await searchIn(db, parseQuery(k), 30));
    const b = rank(linearSearch(docs, parseQuery(k), 30));
    if (a !== b) mismatches++;
  }
  return {
    firstQueryMs: round(firstQueryMs),
    search: p50p95(index),
    fill: p50p95(fill),
    hits,
    slowest,
    linear: p50p95(linear),
    loadAllMs: round(loadAllMs),
    mismatches,
    keystrokes: keys.length,
  };
}

/** Digests written per indexing measurement: 30, so that one slow commit moves neither the p50 nor the mean far. */
export const INDEXING_WRITES = 30;

/**
 * New 100-paper digests written one per transaction onto the loaded corpus, as a sync does. What
 * waits in `pending` is merged first; thirty rows start no merge (MERGE_ROWS), so each write is
 * timed alone. Once they are written, what they left waiting is merged, as at a sync's end
 * (`mergeWaiting`), untimed: the popup and the searches measured next read no pending rows, as
 * after a reader's sync. (Merges are timed with the whole load.)
 */

export async function measureIndexing(db: DB, corpus: Corpus, from: number, count = INDEXING_WRITES) {
  await mergePending(db);
  writePhases(true);
  const times = await timeEach(
    Array.from({ length: count }, (_, i) => from + i),
    (n) => writeDigestTo(db, corpus.digest(n)),
  );
  const phases = writePhases();
  await mergeWaiting(db);
  return { ...p50p95(times), phases };
}

export const SYNC_WRITES = 20;

/**
 * Keystrokes while a sync writes: digests one per transaction, as a sync writes them (merges when
 * they come), then the merge of what they left waiting, as at a sync's end; a keystroke every
 * 100 ms throughout.
 */
export async function measureTypingDuringSync(db: DB, corpus: Corpus, from: number) {
  const typing = typeMeanwhile(db, 100);
  for (let i = 0; i < SYNC_WRITES; i++) await writeDigestTo(db, corpus.digest(from + i));
  await mergeWaiting(db);
  const times = await typing.stop();
  return { ...p50p95(times), n: times.length };
}

export async function storageBytes(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/**
 * The floor under a digest's records side: 100 stored papers read by key and written back unchanged
 * (their five indexes kept by IndexedDB) in one relaxed transaction, nothing else — what any design
 * storing one record per paper pays at this database size.
 */
export async function measureRawRecordWrites(db: DB, rounds = 5) {
  const keys = await db.getAllKeys('papers', null, 20_000);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const some = Array.from({ length: 100 }, (_, i) => keys[Math.floor(((r * 100 + i) * 7919) % keys.length)]!);
    const t0 = performance.now();
    const tx = db.transaction('papers', 'readwrite', { durability: 'relaxed' });
    const records = await Promise.all(some.map((k) => tx.store.get(k)));
    await Promise.all(records.map((rec) => rec && tx.store.put(rec)));
    await tx.done;
    times.push(performance.now() - t0);
  }
  return p50p95(times);
}

/**
 * The floor under any write of a digest of 100 new papers: 100 new paper records put, with the five
 * indexes `papers` keeps (what lookups and related papers read), in one relaxed transaction, with
 * nothing read — stored papers under new keys, removed again afterwards (not timed).
 */
export async function measureNewPaperPuts(db: DB, rounds = 5) {
  const keys = await db.getAllKeys('papers', null, 20_000);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const some = Array.from({ length: 100 }, (_, i) => keys[Math.floor(((r * 100 + i) * 104_729) % keys.length)]!);
    const copies = (await Promise.all(some.map((k) => db.get('papers', k)))).map((p, i) => ({ ...p!, key: `bench-floor ${r} ${i}` }));
    const t0 = performance.now();
    const tx = db.transaction('papers', 'readwrite', { durability: 'relaxed' });
    await Promise.all([...copies.map((p) => tx.store.put(p)), tx.done]);
    times.push(performance.now() - t0);
    const undo = db.transaction('papers', 'readwrite', { durability: 'relaxed' });
    await Promise.all([...copies.map((p) => undo.store.delete(p.key)), undo.done]);
  }
  return p50p95(times);
}

/**
 * Where the same writes spend their time (writeStats, kept by the write itself): reading and
 * building the records in memory, planning the search index, and the one wave of writes with the
 * commit — means per digest over the digests written since `reset`.
 */
export function writePhases(reset = false) {
  if (reset) Object.assign(writeStats, { writes: 0, recordsMs: 0, indexMs: 0, writeMs: 0 });
  const n = Math.max(1, writeStats.writes);
  return { records: round(writeStats.recordsMs / n), index: round(writeStats.indexMs / n), write: round(writeStats.writeMs / n) };
}
