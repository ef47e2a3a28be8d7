import { takePanelPaper as take } from '../panel-paper.ts';
import type { Handler } from '../router.ts';

/** Side panel → background: the paper the popup asked this window's panel to show, taken once. */
export const takePanelPaper: Handler<'takePanelPaper'> = {
  from: 'extension',
  async handle(req) {
    if (!Number.isInteger(req?.windowId)) throw new Error('takePanelPaper: no window');
    const key = await take(req.windowId);
    return key === undefined ? {} : { key };
  },
};
