import { exportIndexRecords } from '../../db/index.ts';
import type { Handler } from '../router.ts';

/** Options → background: every digest and paper record, as stored. */
export const exportIndex: Handler<'exportIndex'> = {
  from: 'extension',
  handle: () => exportIndexRecords(),
};
