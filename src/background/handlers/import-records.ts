import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import type { ImportOutcome } from '../../core/index/view.ts';
import { digestLabel, digestRecordProblem } from '../../core/validate/digest.ts';
import { importIndexRecords } from '../../db/index.ts';
import { indexChanged } from '../index-changed.ts';
import type { Handler } from '../router.ts';

/** Options → background: records of an export file, one digest per transaction. */
export const importRecords: Handler<'importRecords'> = {
  from: 'extension',
  async handle(req) {
    if (!Array.isArray(req?.digests) || !Array.isArray(req?.papers)) throw new Error('importRecords: no records');
    // From a file on disk: each record schema-checked first; a bad one fails alone, with its reason.
    const papers = new Map<string, unknown>(
      (req.papers as unknown[]).flatMap((p) => (typeof (p as PaperRecord | null)?.key === 'string' ? [[(p as PaperRecord).key, p]] : [])),
    );
    const refused: ImportOutcome[] = [];
    const sound: DigestRecord[] = [];
    for (const d of req.digests as unknown[]) {
      const problem = digestRecordProblem(d, papers);
      if (problem)
        refused.push({
          id: typeof (d as DigestRecord | null)?.id === 'string' ? (d as DigestRecord).id : '(no id)',
          title: digestLabel(d, '(no id)'),
          outcome: 'failed',
          reason: `not a valid digest record: ${problem}`,
        });
      else sound.push(d as DigestRecord);
    }
    const out = [...refused, ...(await importIndexRecords(sound, req.papers))];
    if (out.some((o) => o.outcome === 'added' || o.outcome === 'updated')) indexChanged();
    return out;
  },
};
