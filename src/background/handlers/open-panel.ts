import { api } from '../../messages.ts';
import type { Handler } from '../router.ts';

/** Content script (chip click) → background: open the side panel on the sender's tab. */
export const openPanel: Handler<'openPanel'> = {
  from: 'content',
  handle(_arg, sender) {
    // Chrome allows sidePanel.open only while the click's user gesture lasts: call it before any
    // await, synchronously in the message handler.
    const opening = api.sidePanel.open({ tabId: sender.tab!.id! });
    return opening.then(
      () => ({ opened: true }),
      (e: unknown) => ({ opened: false, hint: `Open it from the Digest Lens toolbar button (${(e as Error).message})` }),
    );
  },
};
