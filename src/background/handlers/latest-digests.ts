import { latestBatches } from '../../db/index.ts';
import type { Handler } from '../router.ts';

/** Popup → background: the newest batches of digests, shown while the query is empty. */
export const latestDigests: Handler<'latestDigests'> = {
  from: 'extension',
  async handle(req) {
    const batches = Math.min(Math.max(Number(req?.batches) || 3, 1), 12);
    const before = typeof req?.before === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.before) ? req.before : undefined;
    return latestBatches(batches, 200, before);
  },
};
