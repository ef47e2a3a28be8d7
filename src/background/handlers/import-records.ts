import { importRecordsTo } from '../../db/export-import.ts';
import { openDb } from '../../db/index.ts';
import { indexChanged } from '../index-changed.ts';
import type { Handler } from '../router.ts';

/** Options → background: records of an export file, one digest per transaction. */
export const importRecords: Handler<'importRecords'> = {
  from: 'extension',
  async handle(req) {
    if (!Array.isArray(req?.digests) || !Array.isArray(req?.papers)) throw new Error('importRecords: no records');
    const out = await importRecordsTo(await openDb(), req.digests, req.papers);
    if (out.some((o) => o.outcome === 'added' || o.outcome === 'updated')) indexChanged();
    return out;
  },
};
