import { indexStatistics } from '../../db/index.ts';
import type { Handler } from '../router.ts';

/** Options → background: what the index holds, per topic and per week. */
export const indexStats: Handler<'indexStats'> = {
  from: 'extension',
  handle: () => indexStatistics(),
};
