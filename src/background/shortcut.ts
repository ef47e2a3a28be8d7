/** The keyboard shortcut (Alt+Shift+D by default) opens the side panel on the current window. */
import { api } from '../transport.ts';

export const OPEN_PANEL_COMMAND = 'open-side-panel';

export function watchShortcut(): void {
  api.commands?.onCommand.addListener((command, tab) => {
    if (command !== OPEN_PANEL_COMMAND || tab?.windowId === undefined) return;
    // A shortcut is a user gesture: open before anything is awaited, or Chrome refuses.
    void api.sidePanel.open({ windowId: tab.windowId }).catch((e: unknown) => console.warn('Digest Lens: side panel not opened', e));
  });
}
