/** The reader's settings as plain data, and the values they may take (labels are the pages' business). */
import type { SourceConfig, SourceKind } from './sync/report.ts';

/** Where the reader wants the in-page chip (Options → Chip). */
export interface ChipSettings {
  readonly enabled: boolean;
  /** Hosts (of the pages the content script runs on) where it stays hidden. */
  readonly offSites: readonly string[];
}

/** A sync source as the reader configured it (the default SciPapermill source cannot be removed). */
export interface SyncSource {
  readonly id: string;
  readonly kind: SourceKind | 'auto';
  readonly url: string;
  readonly enabled: boolean;
}

/** Sync settings, kept in storage.local; nothing is fetched until `consented` (the first-run page). */
export interface SyncSettings {
  readonly consented: boolean;
  readonly sources: readonly SyncSource[];
  readonly intervalMinutes: number;
  /** How far back the first sync of a source reaches: months, or everything. */
  readonly reachBack: number | 'all';
  /** Topics to keep (the digest header's topic); empty keeps all. */
  readonly topics: readonly string[];
  /** Drop digests older than this many months after each sync; 0 keeps everything. */
  readonly retentionMonths: number;
}

/** The source every profile starts with; the settings keep it (it can be turned off, not removed). */
export const DEFAULT_SOURCE: SourceConfig = { id: 'scipapermill', kind: 'wordpress', url: 'https://scipapermill.com/' };
export const SYNC_INTERVALS_MINUTES = [60, 180, 360, 720, 1440] as const;
export const REACH_BACK_MONTHS = [1, 3, 6, 12, 24] as const;
export const RETENTION_MONTHS = [0, 3, 6, 12, 24] as const;
