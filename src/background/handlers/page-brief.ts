import type { Handler } from '../router.ts';
import { resolvePage } from '../resolve-page.ts';
import { pageState } from '../tab-watch.ts';
import { sameHost } from './page-info.ts';

/**
 * Content script → background at document start: the chip's state from the address alone, while
 * the page is still loading. A pure read: the page's tags, the tab's badge and the side panel wait
 * for its pageInfo, sent once its DOM is complete.
 */
export const pageBrief: Handler<'pageBrief'> = {
  from: 'content',
  async handle(info, sender) {
    if (typeof info?.url !== 'string' || !sameHost(info.url, sender.url)) throw new Error('pageBrief: address does not match the sender');
    return pageState(await resolvePage(info.url, undefined, 'brief'));
  },
};
