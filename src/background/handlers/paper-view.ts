import { lookupKey } from '../../db/index.ts';
import type { Handler } from '../router.ts';

/** Side panel → background: one paper by record key, as the panel shows a looked-up paper. */
export const paperView: Handler<'paperView'> = {
  from: 'extension',
  async handle(req) {
    if (typeof req?.key !== 'string' || req.key.length > 2000) throw new Error('paperView: no paper key');
    return lookupKey(req.key);
  },
};
