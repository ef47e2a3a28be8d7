/**
 * The one message contract: every context imports it. Requests go to the background with
 * `send(name, arg)`; each handler lives in src/background/handlers/<name>.ts.
 */
import type { Detection, PageMeta } from './core/detect/index.ts';
import type { LookupResult } from './core/index/view.ts';

/** What the content script learns for its chip. */
export interface PageState {
  readonly status: 'found' | 'not-indexed' | 'not-a-paper';
  readonly digestCount: number;
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
}

export interface Counters {
  readonly digests: number;
  readonly papers: number;
  readonly mentions: number;
  /** ISO time of the last write. */
  readonly updated?: string;
}

export type Protocol = {
  /** Content script → background: the page's address and tags; answers what the chip shows. */
  pageInfo(info: { url: string; meta: PageMeta; title?: string }): PageState;
  /** Content script (chip click) → background: open the side panel for the sender's tab. */
  openPanel(): { opened: boolean; hint?: string };
  /** Side panel → background: the view for a window's active tab (or a given tab). */
  tabView(req: { windowId?: number; tabId?: number }): TabView;
  /** Any extension page → background: the stored counters. */
  counters(): Counters;
};

export type MessageName = keyof Protocol;
export type Request<K extends MessageName = MessageName> = { readonly type: K; readonly arg: Parameters<Protocol[K]>[0] };
export type Response<K extends MessageName> = ReturnType<Protocol[K]>;

/** Errors cross contexts as plain data and are rebuilt on the other side. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { name: string; message: string } };

/** Background → extension pages: something they show has changed. */
export type Broadcast =
  | { readonly type: 'tabChanged'; readonly windowId: number; readonly tabId: number }
  | { readonly type: 'indexChanged' };
