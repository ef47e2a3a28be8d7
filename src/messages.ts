/**
 * The one message contract: every context imports it. Requests go to the background with
 * `send(name, arg)`; each handler lives in src/background/handlers/<name>.ts.
 */
import type { Detection, PageMeta } from './core/detect/index.ts';
import type { Digest } from './core/digest/types.ts';
import type { IndexExport } from './core/index/export-format.ts';
import type { DigestRecord, PaperRecord } from './core/index/types.ts';
import type { LookupResult, PageCitation, TextNeighbour } from './core/index/view.ts';
import type { SourceConfig, SourceKind, SyncProgress, SyncReport } from './sync/types.ts';

export type { SyncProgress, SyncReport } from './sync/types.ts';

/** What the content script learns for its chip. */
export interface PageState {
  readonly status: 'found' | 'not-indexed' | 'not-a-paper';
  readonly digestCount: number;
  /** False when the reader turned the chip off (everywhere, on this site, or dismissed it for this paper). */
  readonly chip?: boolean;
}

/** Where the reader wants the in-page chip (Options → Chip). */
export interface ChipSettings {
  readonly enabled: boolean;
  /** Hosts (of the pages the content script runs on) where it stays hidden. */
  readonly offSites: readonly string[];
}

/** What the side panel shows for a window's active tab. */
export interface TabView {
  readonly tabId?: number;
  /** Undefined when the extension may not read the tab's address (no host access). */
  readonly url?: string;
  readonly access: 'granted' | 'none';
  readonly detection?: Detection;
  readonly lookup?: LookupResult;
  /** The page's own title (citation_title or the document title) when the content script sent one. */
  readonly pageTitle?: string;
  /** An arXiv page's own citation tags (authors, date, DOI) for the paper it shows. */
  readonly citation?: PageCitation;
  /** A page no digest names: the papers and digests of the index closest to its title and abstract. */
  readonly closest?: readonly TextNeighbour[];
  /** Host patterns of the manifest the user has not granted (Chrome's "on click", or removed). */
  readonly missingHosts: readonly string[];
}

export interface Counters {
  readonly digests: number;
  readonly papers: number;
  readonly mentions: number;
  /** ISO time of the last write. */
  readonly updated?: string;
}

/** One row of the popup's results: a paper or a digest, as plain display data. */
export interface SearchResult {
  readonly kind: 'paper' | 'digest';
  /** Paper key or digest id. */
  readonly key: string;
  readonly title: string;
  /** A paper's short name, when it differs from the title. */
  readonly name?: string;
  readonly arxivId?: string;
  readonly topic: string;
  readonly date: string;
  readonly hasCode: boolean;
  /** Where Enter goes: the arXiv abstract page, else the (newest) digest's address; absent when neither is http(s). */
  readonly href?: string;
  /** Title-keyed words that matched, for highlighting. */
  readonly matched: readonly string[];
  /** Why it matched when its title does not show it: a short text ("institution", "Aarhus University"). */
  readonly why?: { readonly label: string; readonly text: string };
  /** Named by the arXiv id or address pasted. */
  readonly pasted?: boolean;
}

export interface SearchAnswer {
  readonly results: readonly SearchResult[];
  /** Time the background spent answering (ms), for the latency measurement. */
  readonly tookMs: number;
  /** Results in all (a bound when not `exact`: phrases are checked only on those read). */
  readonly total?: number;
  readonly exact?: boolean;
  /** The id or address pasted, as it reads ("arXiv 2602.22544"), and how many papers it named. */
  readonly reference?: { readonly label: string; readonly found: number };
  /** What the query itself needs to know ("c: takes no word…"). */
  readonly notes?: readonly string[];
}

export interface ThemeBrief {
  readonly title: string;
  readonly papers: number;
}

export interface DigestBrief {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  readonly date: string;
  readonly url: string;
  readonly papers: number;
  readonly themes: readonly ThemeBrief[];
}

/** Digests published together (one header date). */
export interface DigestBatch {
  readonly date: string;
  readonly digests: readonly DigestBrief[];
}

export interface CountBy {
  readonly label: string;
  readonly count: number;
}

/** What the options page shows of the index. */
export interface IndexStats {
  readonly counters: Counters;
  /** Digests per topic, most first. */
  readonly perTopic: readonly CountBy[];
  /** Digests per week (label: the Monday, YYYY-MM-DD), oldest first, empty weeks included. */
  readonly perWeek: readonly CountBy[];
  readonly parserVersion: number;
  /** Parser versions the stored digests were parsed with. */
  readonly storedParserVersions: readonly number[];
  /** Every digest, newest first, for choosing a theme to export. */
  readonly digests: readonly DigestBrief[];
}

export type ImportOutcomeKind = 'added' | 'updated' | 'unchanged' | 'failed';

export interface ImportOutcome {
  readonly id: string;
  readonly title: string;
  readonly outcome: ImportOutcomeKind;
  readonly reason?: string;
}

/** The whole index as one JSON file (docs/export-format.md). */
export type { IndexExport } from './core/index/export-format.ts';

export type PaperSelection = { readonly query: string } | { readonly digestId: string; readonly theme?: number };

export interface PaperListExport {
  readonly heading: string;
  readonly count: number;
  readonly text: string;
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

/** The values the settings take (labels are the pages' business). */
/** The source every profile starts with; the settings keep it (it can be turned off, not removed). */
export const DEFAULT_SOURCE: SourceConfig = { id: 'scipapermill', kind: 'wordpress', url: 'https://scipapermill.com/' };
export const SYNC_INTERVALS_MINUTES = [60, 180, 360, 720, 1440] as const;
export const REACH_BACK_MONTHS = [1, 3, 6, 12, 24] as const;
export const RETENTION_MONTHS = [0, 3, 6, 12, 24] as const;

/** A parse failure recorded by sync, as options lists it. */
export interface SyncFailure {
  readonly url: string;
  readonly title: string;
  readonly reason: string;
  readonly at: string;
}

/** What the popup, options and first-run pages show of sync. */
export interface SyncStatus {
  readonly settings: SyncSettings;
  /** Set while a sync runs in the background. */
  readonly running?: { readonly started: string; readonly progress?: SyncProgress };
  readonly last?: SyncReport;
  readonly failures: readonly SyncFailure[];
  /** Source ids whose host the reader has not granted access to. */
  readonly noAccess: readonly string[];
  /** When the next scheduled sync is due (ISO), once consented. */
  readonly nextAlarm?: string;
  /** What retention dropped after the last sync. */
  readonly retention?: { readonly at: string; readonly cutoff: string; readonly dropped: number };
}

/** The answer to "Sync now": started, or why not. */
export interface SyncStart {
  readonly status: 'started' | 'busy' | 'needs-consent';
  readonly message: string;
}

export type Protocol = {
  /** Content script → background: the page's address and tags; answers what the chip shows. */
  pageInfo(info: { url: string; meta: PageMeta; title?: string }): PageState;
  /**
   * Content script → background, as the page starts loading: what the chip shows, from the address
   * alone. Nothing is stored and no badge changes: the page's own report (pageInfo) follows.
   */
  pageBrief(info: { url: string }): PageState;
  /** Content script (chip click) → background: open the side panel for the sender's tab. */
  openPanel(): { opened: boolean; hint?: string };
  /** Side panel → background: the view for a window's active tab (or a given tab). */
  tabView(req: { windowId?: number; tabId?: number }): TabView;
  /** Any extension page → background: the stored counters. */
  counters(): Counters;
  /** Popup → background: papers and digests matching a query (the popup's language, core/search). */
  search(req: { query: string; limit?: number }): SearchAnswer;
  /** Popup → background: the newest batches of digests, for the empty query. */
  latestDigests(req: { batches?: number; before?: string }): DigestBatch[];
  /** Side panel → background: one paper by its record key (the popup's Ctrl+Enter). */
  paperView(req: { key: string }): LookupResult;
  /** Options → background: what the index holds. */
  indexStats(): IndexStats;
  /** Options → background: parsed digests, each written in its own transaction. */
  importDigests(req: { digests: readonly Digest[] }): ImportOutcome[];
  /** Options → background: records from an export file, one digest per transaction. */
  importRecords(req: { digests: readonly DigestRecord[]; papers: readonly PaperRecord[] }): ImportOutcome[];
  /** Options → background: the whole index, records as stored. */
  exportIndex(): IndexExport;
  /** Options → background: a search result's or a theme's papers as BibTeX or Markdown. */
  exportPapers(req: { selection: PaperSelection; format: 'bibtex' | 'markdown' }): PaperListExport;
  /** Options → background: empties the index (digests, papers, sync state). */
  clearData(): Counters;
  /** Options → background: empties the index and loads the built-in starter index again. */
  resetToStarter(): Counters;
  /** Popup, options, first run → background: settings, the running sync, the last report and failures. */
  syncStatus(): SyncStatus;
  /** Popup, options, first run → background: start a sync now (answers at once; progress is broadcast). */
  syncNow(): SyncStart;
  /** Options, first run → background: change sync settings (validated); answers what is stored. */
  saveSyncSettings(patch: Partial<SyncSettings>): SyncSettings;
  /** Options → background: where the chip shows, and the sites it may show on. */
  chipSettings(): { settings: ChipSettings; sites: readonly string[] };
  /** Options → background: change where the chip shows (validated); answers what is stored. */
  saveChipSettings(settings: ChipSettings): ChipSettings;
  /** Content script (the chip's ×) → background: hide the chip for this page's paper until the index changes. */
  dismissChip(info: { url: string }): void;
};

/** storage.session key under which the popup asks a window's side panel to show one paper. */
export const panelPaperKey = (windowId: number): string => `panelPaper:${windowId}`;

export type MessageName = keyof Protocol;
export type Request<K extends MessageName = MessageName> = { readonly type: K; readonly arg: Parameters<Protocol[K]>[0] };
export type Response<K extends MessageName> = ReturnType<Protocol[K]>;

/** Errors cross contexts as plain data and are rebuilt on the other side. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { name: string; message: string } };

/** Background → extension pages: something they show has changed. */
export type Broadcast = { readonly type: 'tabChanged'; readonly windowId: number; readonly tabId: number } | { readonly type: 'indexChanged' };

/**
 * Background → a tab's content script: the index changed (its chip may be out of date), or the
 * tab's address changed as the browser saw it (an in-page navigation: GitHub's Turbo, alphaXiv).
 * The content script looks pages up on these, never on events the page itself can fire.
 */
export type TabPoke = { readonly type: 'indexChanged' } | { readonly type: 'addressChanged' };

export function isTabPoke(message: unknown): message is TabPoke {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'indexChanged' || type === 'addressChanged';
}

/** Background → extension pages: a running sync's progress, and its report when it ends. */
export type SyncBroadcast = { readonly type: 'syncProgress'; readonly progress: SyncProgress } | { readonly type: 'syncDone'; readonly report: SyncReport };

/** `browser` where it exists natively (Firefox), else `chrome`: both are promise-based in MV3. */
// Read through globalThis so importing this file where neither exists (Node tests) does not throw.
const globals = globalThis as { browser?: typeof chrome; chrome?: typeof chrome };
export const api: typeof chrome = globals.browser ?? globals.chrome!;

/** Firefox's sidebar (`sidebar_action`), which Chrome's types do not know. */
export interface SidebarAction {
  open(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}

/** Present in Firefox only; Chrome has `api.sidePanel` instead. Feature-detected, never sniffed. */
export const sidebarAction: SidebarAction | undefined = (api as { sidebarAction?: SidebarAction } | undefined)?.sidebarAction;

export function isBroadcast(message: unknown): message is Broadcast {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'tabChanged' || type === 'indexChanged';
}

export function isSyncBroadcast(message: unknown): message is SyncBroadcast {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'syncProgress' || type === 'syncDone';
}

/** Rebuilds an error that crossed contexts as plain data. */
export class RemoteError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Asks the background; resolves with the handler's value or throws the handler's error. */
export async function send<K extends MessageName>(type: K, ...args: Parameters<Protocol[K]>): Promise<Response<K>> {
  const request: Request<K> = { type, arg: args[0] as Request<K>['arg'] };
  const reply = (await api.runtime.sendMessage(request)) as Envelope<Response<K>> | undefined;
  if (!reply) throw new RemoteError('NoResponse', `No answer to "${type}" from the background.`);
  if (!reply.ok) throw new RemoteError(reply.error.name, reply.error.message);
  return reply.value;
}
