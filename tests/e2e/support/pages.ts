/** The popup and options pages opened as ordinary tabs, and raw reads of the extension's IndexedDB. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser.ts';

export const POPUP_PATH = 'src/popup/index.html';
export const OPTIONS_PATH = 'src/options/index.html';

export async function openExtensionPage(
  ext: ExtensionBrowser,
  path: string,
  width: number,
  colorScheme: 'light' | 'dark' = 'light',
  height = 800,
): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
}

/** How many records a store of the extension's database holds, read in an extension page. */
export async function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('digest-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction(name).objectStore(name).count();
          count.onerror = () => reject(count.error);
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
    store,
  );
}

export interface Records {
  digests: { id: string }[];
  papers: { key: string }[];
}

/** Every digest and paper record as stored, read straight from IndexedDB in an extension page. */
export async function readRecords(page: Page): Promise<Records> {
  return page.evaluate(
    () =>
      new Promise<Records>((resolve, reject) => {
        const open = indexedDB.open('digest-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['digests', 'papers']);
          const d = tx.objectStore('digests').getAll();
          const p = tx.objectStore('papers').getAll();
          // Without the ids of their search documents: this database's own, never exported.
          const own = <R>(r: R): R => {
            const { searchId: _, ...rest } = r as R & { searchId?: number };
            return rest as R;
          };
          tx.oncomplete = () => {
            db.close();
            resolve({ digests: d.result.map(own), papers: p.result.map(own) });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
