import { gateChip } from '../chip-settings.ts';
import type { Handler } from '../router.ts';
import { lookUpTab } from '../tab-lookup.ts';
import { pageState } from '../tab-watch.ts';
import { reportedUrl } from './page-info.ts';

/**
 * Content script → background at document start: the chip's state from the address alone, while
 * the page is still loading. Nothing is stored and no badge changes: the page's tags, the tab's
 * badge and the side panel wait for its pageInfo, sent once its DOM is complete. The lookup is the
 * tab's own (tab-lookup.ts): the navigation's other events share it.
 */
export const pageBrief: Handler<'pageBrief'> = {
  from: 'content',
  async handle(info, sender) {
    const url = reportedUrl(info, sender, 'pageBrief');
    return gateChip(url, pageState(await lookUpTab(sender.tab!.id!, url, undefined)));
  },
};
