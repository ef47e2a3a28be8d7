/**
 * Sync settings in storage.local: the sources, how often, how far back, which topics, retention.
 * Every value that arrives in a message is checked here before it is stored.
 */
import { DEFAULT_SOURCE, REACH_BACK_MONTHS, RETENTION_MONTHS, SYNC_INTERVALS_MINUTES, type SyncSettings, type SyncSource } from '../core/settings.ts';
import { DEFAULT_SYNC_INTERVAL_MINUTES } from '../sync/index.ts';
import { api } from '../transport.ts';

const KEY = 'syncSettings';
const MAX_SOURCES = 20;
const MAX_TOPICS = 50;

export const DEFAULT_SETTINGS: SyncSettings = {
  consented: false,
  sources: [{ ...DEFAULT_SOURCE, enabled: true }],
  intervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
  reachBack: 6,
  topics: [],
  retentionMonths: 0,
};

export async function getSyncSettings(): Promise<SyncSettings> {
  const stored = (await api.storage.local.get(KEY))[KEY] as Partial<SyncSettings> | undefined;
  return { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
}

/** An http(s) address, normalised; undefined when it is not one. */
export function sourceUrl(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 2000) return undefined;
  try {
    const u = new URL(v.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host-permission pattern a source needs (`https://example.org/*`). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

function cleanSources(v: unknown): SyncSource[] {
  if (!Array.isArray(v)) throw new Error('saveSyncSettings: sources must be a list');
  const out: SyncSource[] = [];
  for (const s of v.slice(0, MAX_SOURCES) as Partial<SyncSource>[]) {
    const url = sourceUrl(s?.url);
    if (!url) throw new Error(`"${String(s?.url)}" is not a web address (http or https)`);
    const kind = s.kind === 'wordpress' || s.kind === 'feed' || s.kind === 'static' ? s.kind : 'auto';
    const id = typeof s.id === 'string' && /^[\w.:-]{1,100}$/.test(s.id) ? s.id : `src-${new URL(url).hostname}-${Date.now().toString(36)}`;
    if (out.some((o) => o.id === id || o.url === url)) continue;
    out.push({ id, kind, url, enabled: s.enabled !== false });
  }
  // The default source stays in the list (it can be switched off, not removed).
  if (!out.some((s) => s.id === DEFAULT_SOURCE.id)) out.unshift({ ...DEFAULT_SOURCE, enabled: false });
  return out;
}

const oneOf = <T extends number>(list: readonly T[], v: unknown, what: string): T => {
  if (list.includes(v as T)) return v as T;
  throw new Error(`saveSyncSettings: ${what} must be one of ${list.join(', ')}`);
};

/** Checks a patch from a page and stores the merged settings. */
export async function saveSyncSettings(patch: Partial<SyncSettings>): Promise<SyncSettings> {
  const p = (patch ?? {}) as Record<string, unknown>;
  const next: { -readonly [K in keyof SyncSettings]: SyncSettings[K] } = { ...(await getSyncSettings()) };
  if ('consented' in p) next.consented = p.consented === true;
  if ('sources' in p) next.sources = cleanSources(p.sources);
  if ('intervalMinutes' in p) next.intervalMinutes = oneOf(SYNC_INTERVALS_MINUTES, p.intervalMinutes, 'the interval');
  if ('reachBack' in p) next.reachBack = p.reachBack === 'all' ? 'all' : oneOf(REACH_BACK_MONTHS, p.reachBack, 'how far back');
  if ('retentionMonths' in p) next.retentionMonths = oneOf(RETENTION_MONTHS, p.retentionMonths, 'retention');
  if ('topics' in p) {
    if (!Array.isArray(p.topics)) throw new Error('saveSyncSettings: topics must be a list');
    next.topics = [
      ...new Set(
        p.topics
          .filter((t): t is string => typeof t === 'string')
          .map((t) => t.trim().toLowerCase().slice(0, 100))
          .filter(Boolean),
      ),
    ].slice(0, MAX_TOPICS);
  }
  await api.storage.local.set({ [KEY]: next });
  return next;
}
