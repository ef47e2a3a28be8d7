/** Who may send which message: checked before any handler runs (darkreader's messenger does the same). */
import type { SenderKind } from '../messages.ts';
import { api } from '../transport.ts';
import { isContentScriptHost } from './hosts.ts';

export function senderAllowed(sender: chrome.runtime.MessageSender, kind: SenderKind): boolean {
  if (sender.id !== api.runtime.id) return false;
  if (kind === 'content') {
    // Our content scripts run in top frames of the hosts the manifest matches, and nowhere else.
    return sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0 && isContentScriptHost(sender.url);
  }
  // Extension pages (side panel, popup, options) are served from our own origin.
  return typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
}
