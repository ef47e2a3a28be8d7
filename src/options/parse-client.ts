/**
 * The parser behind a worker. Should the worker not start (an older browser, a CSP change), parsing
 * falls back to this page, one file at a time, still yielding between files.
 */
import { type ParseOptions, type ParseResult, parseDigestDocument } from '../core/digest/index.ts';
import type { ParseRequest } from './parse-worker.ts';

type Reply = { id: number; ok: true; result: ParseResult } | { id: number; ok: false; message: string };

export function createParser(): { parse(text: string, options: ParseOptions): Promise<ParseResult>; close(): void } {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  const waiting = new Map<number, { resolve(r: ParseResult): void; reject(e: Error): void }>();
  let next = 0;
  worker?.addEventListener('message', (e: MessageEvent<Reply>) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (e.data.ok) w?.resolve(e.data.result);
    else w?.reject(new Error(e.data.message));
  });
  worker?.addEventListener('error', () => {
    // A worker that fails to load: finish through the page instead.
    worker = undefined;
    for (const w of waiting.values()) w.reject(new Error('the parser stopped; try again'));
    waiting.clear();
  });
  return {
    async parse(text, options) {
      if (!worker) {
        await new Promise((r) => setTimeout(r, 0));
        return parseDigestDocument(text, options);
      }
      const id = ++next;
      const reply = new Promise<ParseResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ id, text, options } satisfies ParseRequest);
      return reply;
    },
    close: () => worker?.terminate(),
  };
}
