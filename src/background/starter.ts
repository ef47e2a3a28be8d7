/** The built-in starter index ships inside the extension, under starter-index/. */
import { loadStarterIndex } from '../db/index.ts';
import { api } from '../transport.ts';
import { catchUp } from './index-changed.ts';

async function fetchStarterFile(path: string): Promise<string> {
  const response = await fetch(api.runtime.getURL(`starter-index/${path}`));
  if (!response.ok) throw new Error(`starter index: ${path}: HTTP ${response.status}`);
  return response.text();
}

export async function loadStarter(force = false): Promise<void> {
  const { loaded } = await loadStarterIndex(fetchStarterFile, { force });
  if (loaded) await catchUp();
}
