import { openDb } from '../../db/index.ts';
import { statsFrom } from '../../db/stats.ts';
import type { Handler } from '../router.ts';

/** Options → background: what the index holds, per topic and per week. */
export const indexStats: Handler<'indexStats'> = {
  from: 'extension',
  handle: async () => statsFrom(await openDb()),
};
