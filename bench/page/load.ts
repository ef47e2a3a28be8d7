/** Loads the corpus through the extension's own write code, one digest a transaction as sync and import write them. */

import { writeDigestTo } from '../../src/db/records/index.ts';
import type { DB } from '../../src/db/schema.ts';
import { mergePending, mergeStats } from '../../src/db/search/index.ts';
import { type Corpus, PAPERS_PER_DIGEST } from './corpus.ts';

export async function loadCorpus(db: DB, corpus: Corpus, mentions: number, progress: (done: number) => void): Promise<{ ms: number; digests: number }> {
  const digests = Math.ceil(mentions / PAPERS_PER_DIGEST);
  const t0 = performance.now();
  let mark = { t: t0, n: 0 };
  for (let n = 0; n < digests; n++) {
    await writeDigestTo(db, corpus.digest(n));
    const done = n + 1;
    progress(done);
    // Progress every tenth, for the log: how the write rate holds up as the database grows.
    if (Math.floor((done * 10) / digests) > Math.floor((n * 10) / digests)) {
      const now = performance.now();
      const pct = (ms: number) => `${Math.round((ms / (now - t0)) * 100)}%`;
      console.log(
        `bench: ${done}/${digests} digests, ${Math.round((now - mark.t) / (done - mark.n))} ms per digest lately, merges ${mergeStats.merges} taking ${pct(mergeStats.ms)} of the time, holding the stores ${pct(mergeStats.writeMs)}`,
      );
      mark = { t: now, n: done };
    }
  }
  // What still waits to be merged counts too.
  await mergePending(db);
  return { ms: performance.now() - t0, digests };
}
