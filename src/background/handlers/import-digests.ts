import type { Digest } from '../../core/digest/types.ts';
import { openDb } from '../../db/index.ts';
import { importDigestTo } from '../../db/import-digest.ts';
import type { ImportOutcome } from '../../messages.ts';
import { indexChanged } from '../index-changed.ts';
import type { Handler } from '../router.ts';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

// The options page parsed these, but a message is still input: check the shape the writer relies on.
function problem(d: unknown): string | undefined {
  if (!isObj(d) || typeof d.id !== 'string' || d.id === '') return 'not a digest (no id)';
  if (typeof d.title !== 'string' || typeof d.date !== 'string' || typeof d.topic !== 'string' || typeof d.url !== 'string') return 'the digest has no title, date, topic or address';
  if (!Array.isArray(d.papers) || !Array.isArray(d.themes) || !Array.isArray(d.warnings)) return 'the digest has no papers or themes list';
  if (!d.papers.every((p) => isObj(p) && typeof p.name === 'string' && Array.isArray(p.codeUrls) && Array.isArray(p.contexts))) return 'a paper mention is malformed';
  return undefined;
}

/** Options → background: parsed digests, each in its own transaction; one failing loses nothing else. */
export const importDigests: Handler<'importDigests'> = {
  from: 'extension',
  async handle(req) {
    if (!Array.isArray(req?.digests)) throw new Error('importDigests: no digests');
    const db = await openDb();
    const out: ImportOutcome[] = [];
    for (const d of req.digests as readonly unknown[]) {
      const why = problem(d);
      const digest = d as Digest;
      const id = typeof digest?.id === 'string' ? digest.id : '(no id)';
      const title = typeof digest?.title === 'string' ? digest.title : id;
      if (why) {
        out.push({ id, title, outcome: 'failed', reason: why });
        continue;
      }
      try {
        out.push({ id, title, outcome: await importDigestTo(db, digest) });
      } catch (e) {
        out.push({ id, title, outcome: 'failed', reason: (e as Error).message });
      }
    }
    if (out.some((o) => o.outcome === 'added' || o.outcome === 'updated')) indexChanged();
    return out;
  },
};
