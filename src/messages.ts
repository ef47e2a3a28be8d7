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

/** `browser` where it exists natively (Firefox), else `chrome`: both are promise-based in MV3. */
// Read through globalThis so importing this file where neither exists (Node tests) does not throw.
const globals = globalThis as { browser?: typeof chrome; chrome?: typeof chrome };
export const api: typeof chrome = globals.browser ?? globals.chrome!;

export function isBroadcast(message: unknown): message is Broadcast {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'tabChanged' || type === 'indexChanged';
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
