/** What the chip says when the browser would not let it open the panel: the reader's own way in. */
import { api, sidebarAction } from '../transport.ts';
import { OPEN_PANEL_COMMAND } from './shortcut.ts';

/** Firefox opens its sidebar through this reserved command; Chrome through ours. */
const SIDEBAR_COMMAND = '_execute_sidebar_action';

export async function panelHint(): Promise<string> {
  const name = sidebarAction ? SIDEBAR_COMMAND : OPEN_PANEL_COMMAND;
  // The reader may have changed or removed the shortcut (about:addons, chrome://extensions/shortcuts).
  const shortcut = (await api.commands.getAll().catch(() => [])).find((c) => c.name === name)?.shortcut;
  if (sidebarAction) {
    return shortcut
      ? `Press ${shortcut} to open the Digest Lens sidebar (or choose it from the sidebar button)`
      : 'Open the Digest Lens sidebar from the sidebar button or View › Sidebar';
  }
  return shortcut ? `Press ${shortcut} to open the side panel (or use the toolbar button)` : 'Open the side panel from the Digest Lens toolbar button';
}
