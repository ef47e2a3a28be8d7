/**
 * Writes a lookup taught, queued on their own: a lookup only reads, answers, and leaves its lesson
 * here (an arXiv id matched by the page's title), written once the answer has gone.
 */
import { rememberArxivId } from '../db/index.ts';
import type { Resolved } from './resolve-page.ts';

let tail: Promise<void> = Promise.resolve();

/** Runs `write` after the writes queued before it, on a later task than the caller's answer. */
export function queueWrite(what: string, write: () => Promise<void>): Promise<void> {
  const next = tail
    .then(() => new Promise((r) => setTimeout(r, 0)))
    .then(write)
    .catch((e: unknown) => console.warn(`Digest Lens: could not store ${what}`, e));
  tail = next;
  return next;
}

/** The writes queued so far, done (tests). */
export const writesDone = (): Promise<void> => tail;

/** Queues what a resolved page taught; `then` follows the write (lookups that missed the id are stale then). */
export function learnFrom(resolved: Resolved, then: (arxivId: string) => void): void {
  const learnt = resolved.learnt;
  if (!learnt) return;
  void queueWrite(`the arXiv id ${learnt.arxivId}`, async () => {
    await rememberArxivId(learnt.paperKey, learnt.arxivId);
    then(learnt.arxivId);
  });
}
