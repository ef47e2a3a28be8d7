import { exportIndexFrom } from '../../db/export-import.ts';
import { openDb } from '../../db/index.ts';
import type { Handler } from '../router.ts';

/** Options → background: every digest and paper record, as stored. */
export const exportIndex: Handler<'exportIndex'> = {
  from: 'extension',
  handle: async () => exportIndexFrom(await openDb()),
};
