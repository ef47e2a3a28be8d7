/// <reference lib="webworker" />
// Parses digest files off the options page's main thread, so a large import never freezes it.
import { type ParseOptions, parseDigestDocument } from '../core/digest/index.ts';

export interface ParseRequest {
  readonly id: number;
  readonly text: string;
  readonly options: ParseOptions;
}

self.onmessage = (e: MessageEvent<ParseRequest>) => {
  const { id, text, options } = e.data;
  try {
    self.postMessage({ id, ok: true, result: parseDigestDocument(text, options) });
  } catch (err) {
    self.postMessage({ id, ok: false, message: (err as Error).message });
  }
};
