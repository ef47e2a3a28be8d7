import { askPanel } from '../panel-paper.ts';
import type { Handler } from '../router.ts';

/** Popup → background: show one paper in a window's side panel (the popup has just opened it). */
export const showInPanel: Handler<'showInPanel'> = {
  from: 'extension',
  async handle(req) {
    if (!Number.isInteger(req?.windowId) || typeof req.key !== 'string' || req.key.length > 2000) throw new Error('showInPanel: a window and a paper key');
    await askPanel(req.windowId, req.key);
  },
};
