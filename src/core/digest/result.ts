import type { Digest } from './types.ts';

export interface ParseResult {
  digests: Digest[];
  /** Items of a list or feed that yielded nothing, with why. */
  errors: { item: string; message: string }[];
}
