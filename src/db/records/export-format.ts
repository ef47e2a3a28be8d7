import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import type { CountersRecord } from '../schema.ts';

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

export function isIndexExport(v: unknown): v is IndexExport {
  const o = v as Partial<IndexExport> | null;
  return typeof o === 'object' && o !== null && o.kind === EXPORT_KIND && Array.isArray(o.digests) && Array.isArray(o.papers);
}
