/**
 * The reader's control over the in-page chip, in storage.local: off everywhere, off on some sites,
 * or dismissed on one paper's page until the index changes (the counters' `updated` stamp then
 * differs from the one the dismissal noted).
 */
import { type Detection, detectPaper } from '../core/detect/index.ts';
import type { PageState } from '../core/index/view.ts';
import type { ChipSettings } from '../core/settings.ts';
import { getCounters } from '../db/index.ts';
import { api } from '../transport.ts';
import { contentScriptHosts } from './hosts.ts';

const KEY = 'chipSettings';
const DISMISSED = 'chipDismissed';
/** Dismissals kept: the oldest go first. */
const MAX_DISMISSED = 500;

export const DEFAULT_CHIP: ChipSettings = { enabled: true, offSites: [] };

export async function getChipSettings(): Promise<ChipSettings> {
  const stored = (await api.storage.local.get(KEY))[KEY] as Partial<ChipSettings> | undefined;
  return { ...DEFAULT_CHIP, ...(stored ?? {}) };
}

/** Checks what a message asks for: a boolean, and hosts the content script runs on. */
export async function saveChipSettings(v: unknown): Promise<ChipSettings> {
  const o = (v ?? {}) as Record<string, unknown>;
  if (typeof o.enabled !== 'boolean') throw new Error('chip settings: "enabled" must be true or false');
  if (!Array.isArray(o.offSites)) throw new Error('chip settings: "offSites" must be a list of sites');
  const known = new Set(contentScriptHosts());
  const offSites = [...new Set(o.offSites.filter((h): h is string => typeof h === 'string' && known.has(h)))].sort();
  const settings: ChipSettings = { enabled: o.enabled, offSites };
  await api.storage.local.set({ [KEY]: settings });
  return settings;
}

/** What a dismissal is remembered by: the paper or repository the page is about, not its address. */
export function subjectKey(d: Detection): string {
  const ref = d.ref;
  switch (ref.kind) {
    case 'arxiv':
      return `arxiv:${ref.id}`;
    case 'title':
      return `title:${ref.key}`;
    case 'github-repo':
    case 'github-org':
      return `github:${ref.key}`;
  }
}

type Dismissed = Record<string, string>;

export async function dismissChip(subject: string, indexStamp: string): Promise<void> {
  const all = ((await api.storage.local.get(DISMISSED))[DISMISSED] as Dismissed | undefined) ?? {};
  delete all[subject];
  all[subject] = indexStamp;
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_DISMISSED))) delete all[k];
  await api.storage.local.set({ [DISMISSED]: all });
}

/** Whether the chip may show for a page about `subject` on `host`, the index being at `indexStamp`. */
export async function chipAllowed(host: string, subject: string, indexStamp: string): Promise<boolean> {
  const got = await api.storage.local.get([KEY, DISMISSED]);
  const settings = { ...DEFAULT_CHIP, ...((got[KEY] as Partial<ChipSettings> | undefined) ?? {}) };
  if (!settings.enabled || settings.offSites.includes(host)) return false;
  const dismissedAt = (got[DISMISSED] as Dismissed | undefined)?.[subject];
  return dismissedAt === undefined || dismissedAt !== indexStamp;
}

/** A page's state for its content script, with `chip: false` when the reader does not want it there. */
export async function gateChip(url: string, state: PageState): Promise<PageState> {
  if (state.status !== 'found') return state;
  const detection = detectPaper(url);
  if (!detection) return state;
  const allowed = await chipAllowed(new URL(url).hostname, subjectKey(detection), (await getCounters()).updated ?? '');
  return allowed ? state : { ...state, chip: false };
}
