/**
 * Dispatches requests to one handler per message. A handler is called synchronously from the
 * listener so that one needing the user's gesture (sidePanel.open) still has it.
 */
import type { Answer, Arg, From, MessageName } from '../messages.ts';
import { api, type Envelope, type Request } from '../transport.ts';
import { senderAllowed } from './sender.ts';

type Sender = chrome.runtime.MessageSender;

/** A message's handler; `from` is the contract's sender for it, so a handler cannot widen who may ask. */
export interface Handler<K extends MessageName> {
  readonly from: From<K>;
  handle(arg: Arg<K>, sender: Sender): Answer<K> | Promise<Answer<K>>;
}

export type Handlers = { readonly [K in MessageName]: Handler<K> };

/**
 * Requests someone waits on (a page lookup for the chip, the panel, the popup): while any is being
 * answered, a running sync holds back between posts (sync-runner.ts), so a sync's parsing and
 * writing never stand between a reader and an answer.
 */
const FOREGROUND = new Set<MessageName>(['pageInfo', 'pageBrief', 'openPanel', 'tabView', 'paperView', 'counters', 'search', 'latestDigests', 'syncStatus']);
let answering = 0;
let idle: (() => void)[] = [];

/** Resolves once no foreground request is being answered (at most after `maxMs`). */
export function foregroundIdle(maxMs = 5000): Promise<void> {
  if (answering === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    idle.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function track(type: MessageName, result: unknown): unknown {
  if (!FOREGROUND.has(type) || !(result instanceof Promise)) return result;
  answering++;
  return result.finally(() => {
    if (--answering > 0) return;
    const waiting = idle;
    idle = [];
    for (const w of waiting) w();
  });
}

function failure(e: unknown): Envelope<never> {
  const err = e instanceof Error ? e : new Error(String(e));
  return { ok: false, error: { name: err.name, message: err.message } };
}

function isRequest(message: unknown, handlers: Handlers): message is Request {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(handlers, type);
}

export function listen(handlers: Handlers): void {
  api.runtime.onMessage.addListener((message: unknown, sender: Sender, reply: (r: Envelope<unknown>) => void) => {
    // Broadcasts and other extension pages' traffic are not ours to answer.
    if (!isRequest(message, handlers)) return false;
    const handler = handlers[message.type] as Handler<MessageName>;
    if (!senderAllowed(sender, handler.from)) {
      reply(failure(new Error(`"${message.type}" is not accepted from this sender`)));
      return false;
    }
    let result: unknown;
    try {
      result = track(message.type, handler.handle(message.arg as never, sender));
    } catch (e) {
      reply(failure(e));
      return false;
    }
    Promise.resolve(result).then(
      (value) => reply({ ok: true, value }),
      (e: unknown) => reply(failure(e)),
    );
    return true; // the reply comes later
  });
}
