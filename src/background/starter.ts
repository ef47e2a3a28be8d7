/** The built-in starter index ships inside the extension, under starter-index/. */
import { loadStarterIndex, settleSearchIndex } from '../db/index.ts';
import { api } from '../transport.ts';
import { refreshAllTabs } from './tab-watch.ts';

async function fetchStarterFile(path: string): Promise<string> {
  const response = await fetch(api.runtime.getURL(`starter-index/${path}`));
  if (!response.ok) throw new Error(`starter index: ${path}: HTTP ${response.status}`);
  return response.text();
}

export async function loadStarter(force = false): Promise<void> {
  const { loaded } = await loadStarterIndex(fetchStarterFile, { force });
  if (!loaded) return;
  await refreshAllTabs();
  // Its few rows merged now rather than after the next sync's: a popup then reads none.
  void settleSearchIndex().catch((e: unknown) => console.warn('Digest Lens: merging the starter index', e));
}
