/**
 * The few globals every place src/core runs has — the service worker, the pages, the content
 * script and Node ≥ 20 — typed narrowly, for tsconfig.core.json, which leaves out the DOM library
 * on purpose. Anything core needs beyond these must be passed in. (The full tsconfig.json does
 * not include this file: there the DOM library declares the same names.)
 */
declare class URLSearchParams {
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  static canParse(url: string, base?: string): boolean;
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

type BufferSource = ArrayBufferView | ArrayBuffer;

declare const crypto: {
  readonly subtle: { digest(algorithm: 'SHA-256', data: BufferSource): Promise<ArrayBuffer> };
};
