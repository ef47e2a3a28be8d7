import { answerSearch } from '../../db/index.ts';
import type { Handler } from '../router.ts';

/** Popup → background: ranked papers and digests for what the reader typed or pasted. */
export const search: Handler<'search'> = {
  from: 'extension',
  handle(req) {
    if (typeof req?.query !== 'string') throw new Error('search: no query');
    return answerSearch(req.query, Number(req.limit) || 30);
  },
};
