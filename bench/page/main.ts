/** The bench page (dist/chrome-bench only): scripts/bench.ts drives it through `window.bench`. */
import { openDigestDb } from '../../src/db/schema.ts';
import { mergeStats } from '../../src/db/search/index.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { Corpus } from './corpus.ts';
import { loadCorpus } from './load.ts';
import {
  INDEXING_WRITES,
  measureIndexing,
  measureLookups,
  measureNewPaperPuts,
  measureRawRecordWrites,
  measureSearch,
  measureTypingDuringSync,
  SYNC_WRITES,
  storageBytes,
  typeMeanwhile,
} from './measure.ts';
import { p50p95 } from './stats.ts';

let corpus: Corpus | undefined;
let loaded = 0;

const bench = {
  async load(mentions: number, seed: number) {
    const vocab = (await (await fetch('./vocab.json')).json()) as Vocabulary;
    corpus = new Corpus(vocab, seed);
    const db = await openDigestDb();
    const status = document.getElementById('status')!;
    const typing = typeMeanwhile(db);
    const r = await loadCorpus(db, corpus, mentions, (n) => (status.textContent = `loaded ${n} digests`));
    const keystrokes = await typing.stop();
    loaded = r.digests;
    db.close();
    return {
      loadMs: r.ms,
      digests: r.digests,
      storageBytes: await storageBytes(),
      keystrokesDuringLoad: { ...p50p95(keystrokes), n: keystrokes.length },
      merges: { n: mergeStats.merges, ms: mergeStats.ms, writeMs: mergeStats.writeMs },
    };
  },
  /**
   * Digests written in the page that just loaded the corpus, before the browser is restarted:
   * reported beside the same writes measured after the restart.
   */
  async indexing() {
    const db = await openDigestDb();
    try {
      const indexing = await measureIndexing(db, corpus!, loaded);
      loaded += INDEXING_WRITES;
      return { ...indexing, digests: loaded };
    } finally {
      db.close();
    }
  },
  /**
   * Measured in a fresh page (the driver opens one after loading), as a popup or a restarted worker
   * would search: not in the page whose heap holds the whole load. The corpus is replayed to the
   * digest the load stopped at, so later digests continue it.
   */
  async measure(withLinear: boolean, seed: number, digests: number) {
    if (!corpus) {
      corpus = new Corpus((await (await fetch('./vocab.json')).json()) as Vocabulary, seed);
      for (let n = 0; n < digests; n++) corpus.digest(n);
      loaded = digests;
    }
    const db = await openDigestDb();
    const lookups = await measureLookups(db, corpus!);
    const search = await measureSearch(db, withLinear);
    const indexing = await measureIndexing(db, corpus!, loaded);
    loaded += INDEXING_WRITES;
    const typingDuringSync = await measureTypingDuringSync(db, corpus!, loaded);
    loaded += SYNC_WRITES;
    const rawWrites = await measureRawRecordWrites(db);
    const newPuts = await measureNewPaperPuts(db);
    db.close();
    return {
      lookups,
      search,
      indexing,
      typingDuringSync,
      rawWrites,
      newPuts,
      storageBytes: await storageBytes(),
      samples: corpus!.samples.slice(0, 40),
      digests: loaded,
    };
  },
  /** The keystrokes alone, on what is stored (for profiling a kept corpus: scripts/bench.ts --keep). */
  async search() {
    const db = await openDigestDb();
    try {
      return await measureSearch(db, false);
    } finally {
      db.close();
    }
  },
};

(globalThis as { bench?: typeof bench }).bench = bench;
