import { api, sidebarAction } from '../../transport.ts';
import { panelHint } from '../panel-hint.ts';
import type { Handler } from '../router.ts';

/** Content script (chip click) → background: open the side panel (Firefox: the sidebar) on the sender's tab. */
export const openPanel: Handler<'openPanel'> = {
  from: 'content',
  handle(_arg, sender) {
    // Both browsers open their panel only while the click's user gesture lasts: call before any
    // await, synchronously in the message handler. Firefox may still refuse (a content script's
    // click is not a click in extension UI): then the chip tells the reader which key or button does.
    const opening = sidebarAction ? sidebarAction.open() : api.sidePanel.open({ tabId: sender.tab!.id! });
    return opening.then(
      () => ({ opened: true }),
      async (e: unknown) => {
        console.info('Digest Lens: panel not opened from the chip', e);
        return { opened: false, hint: await panelHint() };
      },
    );
  },
};
