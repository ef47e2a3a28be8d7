import type { CountersRecord, DigestRecord, PaperRecord } from './types.ts';

export const EXPORT_KIND = 'digest-lens-export';
export const EXPORT_FORMAT_VERSION = 1;

/** The whole index as one JSON file: records exactly as stored (docs/export-format.md). */
export interface IndexExport {
  readonly kind: typeof EXPORT_KIND;
  readonly formatVersion: typeof EXPORT_FORMAT_VERSION;
  readonly exported: string;
  readonly parserVersion: number;
  readonly counters: CountersRecord;
  readonly digests: readonly DigestRecord[];
  readonly papers: readonly PaperRecord[];
}
