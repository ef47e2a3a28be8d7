/**
 * How the contract's messages travel: the browser's extension API, `send` for requests, the guards
 * that tell broadcasts and pokes apart, and errors rebuilt on the other side. The messages
 * themselves are declared in messages.ts.
 */
import type { Answer, Arg, Args, Broadcast, MessageName, SyncBroadcast, TabPoke } from './messages.ts';

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

/** A request as it crosses to the background. */
export type Request<K extends MessageName = MessageName> = { readonly type: K; readonly arg: Arg<K> };

/** Errors cross contexts as plain data and are rebuilt on the other side. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { name: string; message: string } };

const typeOf = (message: unknown): unknown => (message as { type?: unknown } | null)?.type;

export function isBroadcast(message: unknown): message is Broadcast {
  const type = typeOf(message);
  return type === 'tabView' || type === 'indexChanged' || type === 'showPaper';
}

export function isSyncBroadcast(message: unknown): message is SyncBroadcast {
  const type = typeOf(message);
  return type === 'syncProgress' || type === 'syncDone';
}

export function isTabPoke(message: unknown): message is TabPoke {
  const type = typeOf(message);
  return type === 'indexChanged' || type === 'addressChanged';
}

/** Rebuilds an error that crossed contexts as plain data. */
export class RemoteError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Asks the background; resolves with the handler's value or throws the handler's error. */
export async function send<K extends MessageName>(type: K, ...args: Args<K>): Promise<Answer<K>> {
  const request: Request<K> = { type, arg: args[0] as Arg<K> };
  const reply = (await api.runtime.sendMessage(request)) as Envelope<Answer<K>> | undefined;
  if (!reply) throw new RemoteError('NoResponse', `No answer to "${type}" from the background.`);
  if (!reply.ok) throw new RemoteError(reply.error.name, reply.error.message);
  return reply.value;
}
