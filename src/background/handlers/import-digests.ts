import type { Digest } from '../../core/digest/types.ts';
import type { ImportOutcome } from '../../core/index/view.ts';
import { digestLabel, digestProblem } from '../../core/validate/digest.ts';
import { importDigest } from '../../db/index.ts';
import { indexChanged } from '../index-changed.ts';
import type { Handler } from '../router.ts';

/** Options → background: parsed digests, each in its own transaction; one failing loses nothing else. */
export const importDigests: Handler<'importDigests'> = {
  from: 'extension',
  async handle(req) {
    if (!Array.isArray(req?.digests)) throw new Error('importDigests: no digests');
    const out: ImportOutcome[] = [];
    for (const d of req.digests as readonly unknown[]) {
      // The options page parsed these, but a message is still input: the whole schema is checked.
      const why = digestProblem(d);
      const digest = d as Digest;
      const id = typeof digest?.id === 'string' ? digest.id : '(no id)';
      const title = digestLabel(d, id);
      if (why) {
        out.push({ id, title, outcome: 'failed', reason: `not a valid digest: ${why}` });
        continue;
      }
      try {
        out.push({ id, title, outcome: await importDigest(digest) });
      } catch (e) {
        out.push({ id, title, outcome: 'failed', reason: (e as Error).message });
      }
    }
    if (out.some((o) => o.outcome === 'added' || o.outcome === 'updated')) indexChanged();
    return out;
  },
};
