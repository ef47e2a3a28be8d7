import { gateChip } from '../chip-settings.ts';
import { resolvePage } from '../resolve-page.ts';
import type { Handler } from '../router.ts';
import { pageState } from '../tab-watch.ts';
import { reportedUrl } from './page-info.ts';

/**
 * Content script → background at document start: the chip's state from the address alone, while
 * the page is still loading. A pure read: the page's tags, the tab's badge and the side panel wait
 * for its pageInfo, sent once its DOM is complete.
 */
export const pageBrief: Handler<'pageBrief'> = {
  from: 'content',
  async handle(info, sender) {
    const url = reportedUrl(info, sender, 'pageBrief');
    return gateChip(url, pageState(await resolvePage(url, undefined, 'brief')));
  },
};
