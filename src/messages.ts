/**
 * The one message contract: what each context may ask the background, who may ask it, and what the
 * background tells the others. Declarations only: the shapes come from core, the transport
 * (`send`, the guards) from transport.ts, and each handler lives in src/background/handlers/<name>.ts.
 */
import type { PageMeta } from './core/detect/types.ts';
import type { Digest } from './core/digest/types.ts';
import type { IndexExport } from './core/index/export-format.ts';
import type { CountersRecord, DigestRecord, PaperRecord } from './core/index/types.ts';
import type { DigestBatch, ImportOutcome, IndexStats, LookupResult, PageState, PaperListExport, PaperSelection, TabView } from './core/index/view.ts';
import type { SearchAnswer } from './core/search/answer.ts';
import type { ChipSettings, SyncSettings } from './core/settings.ts';
import type { SyncProgress, SyncReport, SyncStart, SyncStatus } from './core/sync/report.ts';

/**
 * Who may send a request, checked before its handler runs (background/sender.ts): our content
 * script in a tab's top frame, or one of our own pages (side panel, popup, options, first run).
 */
export type SenderKind = 'content' | 'extension';

/** One request: who may send it, what it carries, and what it answers. */
interface Message<From extends SenderKind, A, R> {
  readonly from: From;
  readonly arg: A;
  readonly answer: R;
}

export interface Protocol {
  /** Content script → background: the page's address and tags; answers what the chip shows. */
  pageInfo: Message<'content', { url: string; meta: PageMeta; title?: string }, PageState>;
  /**
   * Content script → background, as the page starts loading: what the chip shows, from the address
   * alone. Nothing is stored and no badge changes: the page's own report (pageInfo) follows.
   */
  pageBrief: Message<'content', { url: string }, PageState>;
  /** Content script (chip click) → background: open the side panel for the sender's tab. */
  openPanel: Message<'content', undefined, { opened: boolean; hint?: string }>;
  /** Content script (the chip's ×) → background: hide the chip for this page's paper until the index changes. */
  dismissChip: Message<'content', { url: string }, void>;
  /** Side panel → background, as it starts: the view for a window's active tab (or a given tab); later ones are pushed. */
  tabView: Message<'extension', { windowId?: number; tabId?: number }, TabView>;
  /** Side panel → background: one paper by its record key (the popup's Ctrl+Enter). */
  paperView: Message<'extension', { key: string }, LookupResult>;
  /**
   * Popup → background: show this paper in the window's side panel. Kept until that panel takes it
   * (it may still be opening), and told to it at once if it is open.
   */
  showInPanel: Message<'extension', { windowId: number; key: string }, void>;
  /** Side panel → background, as it starts: the paper the popup asked it to show, if any (taken once). */
  takePanelPaper: Message<'extension', { windowId: number }, { key?: string }>;
  /** Any extension page → background: the stored counters. */
  counters: Message<'extension', undefined, CountersRecord>;
  /** Popup → background: papers and digests matching a query (the popup's language, core/search). */
  search: Message<'extension', { query: string; limit?: number }, SearchAnswer>;
  /** Popup → background: the newest batches of digests, for the empty query. */
  latestDigests: Message<'extension', { batches?: number; before?: string }, DigestBatch[]>;
  /** Options → background: what the index holds. */
  indexStats: Message<'extension', undefined, IndexStats>;
  /** Options → background: parsed digests, each written in its own transaction. */
  importDigests: Message<'extension', { digests: readonly Digest[] }, ImportOutcome[]>;
  /** Options → background: records from an export file, one digest per transaction. */
  importRecords: Message<'extension', { digests: readonly DigestRecord[]; papers: readonly PaperRecord[] }, ImportOutcome[]>;
  /** Options → background: the whole index, records as stored. */
  exportIndex: Message<'extension', undefined, IndexExport>;
  /** Options → background: a search result's or a theme's papers as BibTeX or Markdown. */
  exportPapers: Message<'extension', { selection: PaperSelection; format: 'bibtex' | 'markdown' }, PaperListExport>;
  /** Options → background: empties the index (digests, papers, sync state). */
  clearData: Message<'extension', undefined, CountersRecord>;
  /** Options → background: empties the index and loads the built-in starter index again. */
  resetToStarter: Message<'extension', undefined, CountersRecord>;
  /** Popup, options, first run → background: settings, the running sync, the last report and failures. */
  syncStatus: Message<'extension', undefined, SyncStatus>;
  /** Popup, options, first run → background: start a sync now (answers at once; progress is broadcast). */
  syncNow: Message<'extension', undefined, SyncStart>;
  /** Options, first run → background: change sync settings (validated); answers what is stored. */
  saveSyncSettings: Message<'extension', Partial<SyncSettings>, SyncSettings>;
  /** Options → background: where the chip shows, and the sites it may show on. */
  chipSettings: Message<'extension', undefined, { settings: ChipSettings; sites: readonly string[] }>;
  /** Options → background: change where the chip shows (validated); answers what is stored. */
  saveChipSettings: Message<'extension', ChipSettings, ChipSettings>;
}

export type MessageName = keyof Protocol;
export type From<K extends MessageName> = Protocol[K]['from'];
export type Arg<K extends MessageName> = Protocol[K]['arg'];
export type Answer<K extends MessageName> = Protocol[K]['answer'];
/** `send`'s arguments after the name: none for a message that carries nothing. */
export type Args<K extends MessageName> = [Arg<K>] extends [undefined] ? [] : [arg: Arg<K>];

/**
 * Background → extension pages: a tab's view for the panels that show it (built from the tab's one
 * lookup; `active` in its window), the index changed (counters), or a paper the popup asked a
 * window's panel to show.
 */
export type Broadcast =
  | { readonly type: 'tabView'; readonly windowId: number; readonly tabId: number; readonly active: boolean; readonly view: TabView }
  | { readonly type: 'indexChanged' }
  | { readonly type: 'showPaper'; readonly windowId: number; readonly key: string };

/**
 * Background → a tab's content script: the index changed (its chip may be out of date), or the
 * tab's address changed as the browser saw it (an in-page navigation: GitHub's Turbo, alphaXiv).
 * The content script looks pages up on these, never on events the page itself can fire.
 */
export type TabPoke = { readonly type: 'indexChanged' } | { readonly type: 'addressChanged' };

/** Background → extension pages: a running sync's progress, and its report when it ends. */
export type SyncBroadcast = { readonly type: 'syncProgress'; readonly progress: SyncProgress } | { readonly type: 'syncDone'; readonly report: SyncReport };
