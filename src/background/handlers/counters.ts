import { getCounters } from '../../db/index.ts';
import type { Handler } from '../router.ts';

/** Any extension page → background: the stored counters (kept beside the records, never counted). */
export const counters: Handler<'counters'> = {
  from: 'extension',
  handle: () => getCounters(),
};
