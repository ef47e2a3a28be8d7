/**
 * The one IndexedDB schema: stores, indexes and the stepwise migrations between versions.
 * Every later change is a new `if (oldVersion < N)` step here, tested from each earlier version.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { DigestRecord, PaperRecord } from '../core/index/types.ts';

export const DB_NAME = 'digest-lens';
export const DB_VERSION = 1;

export interface CountersRecord {
  readonly digests: number;
  readonly papers: number;
  readonly mentions: number;
  readonly updated?: string;
}

export interface StarterRecord {
  /** Hashes of the starter index shards loaded, so a reload knows there is nothing to do. */
  readonly shards: readonly string[];
  readonly loaded: string;
}

export interface MetaValues {
  counters: CountersRecord;
  starter: StarterRecord;
}

export interface DigestLensDB extends DBSchema {
  digests: {
    key: string;
    value: DigestRecord;
    indexes: { 'by-date': string; 'by-topic': string };
  };
  papers: {
    key: string;
    value: PaperRecord;
    indexes: {
      'by-arxiv': string;
      'by-title': string;
      'by-repo': string;
      'by-cited': string;
      'by-org': string;
      'by-name': string;
    };
  };
  meta: {
    key: keyof MetaValues;
    value: MetaValues[keyof MetaValues];
  };
}

export type DB = IDBPDatabase<DigestLensDB>;
export type UpgradeTx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'versionchange'>;

/** Migrations, one step per version. Data already stored is kept by every step. */
export function upgrade(db: DB, oldVersion: number, _tx: UpgradeTx): void {
  if (oldVersion < 1) {
    const digests = db.createObjectStore('digests', { keyPath: 'id' });
    digests.createIndex('by-date', 'date');
    digests.createIndex('by-topic', 'topic');
    const papers = db.createObjectStore('papers', { keyPath: 'key' });
    papers.createIndex('by-arxiv', 'arxivId');
    papers.createIndex('by-title', 'titleKey');
    papers.createIndex('by-repo', 'repos', { multiEntry: true });
    papers.createIndex('by-cited', 'citedRepos', { multiEntry: true });
    papers.createIndex('by-org', 'orgs', { multiEntry: true });
    papers.createIndex('by-name', 'nameKeys', { multiEntry: true });
    db.createObjectStore('meta');
  }
}

export function openDigestDb(name = DB_NAME, version = DB_VERSION): Promise<DB> {
  return openDB<DigestLensDB>(name, version, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    // Another context (an old worker) holding the database open must not block an upgrade forever.
    blocking: (_cur, _next, event) => (event.target as IDBDatabase).close(),
  });
}
