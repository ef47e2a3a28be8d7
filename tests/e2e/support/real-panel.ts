/**
 * The real side panel (the SIDE_PANEL context Chrome opened) is a page target playwright does not
 * attach to. This reaches it through CDP's target messages: enough to read its text and screenshot it.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser.ts';
import { PANEL_PATH } from './extension-browser.ts';

export interface RealPanel {
  text(): Promise<string>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

export async function attachRealPanel(ext: ExtensionBrowser, from: Page): Promise<RealPanel> {
  const cdp: CDPSession = await ext.context.newCDPSession(from);
  const url = `chrome-extension://${ext.extensionId}/${PANEL_PATH}`;
  const target = (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'page' && t.url === url);
  if (!target) throw new Error('no side panel page is open');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let lastId = 0;
  const waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  async function call<T>(method: string, params: object): Promise<T> {
    const id = ++lastId;
    const reply = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const m = await reply;
    waiting.delete(id);
    if (m.error) throw new Error(`${method}: ${m.error.message}`);
    return m.result as T;
  }
  return {
    async text() {
      const r = await call<{ result: { value: string } }>('Runtime.evaluate', { expression: 'document.body.innerText', returnByValue: true });
      return r.result.value;
    },
    async screenshot() {
      const r = await call<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      return Buffer.from(r.data, 'base64');
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}
