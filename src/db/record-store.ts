import type { IDBPTransaction, StoreNames } from 'idb';
import type { DigestRecord, PaperRecord, RecordStore } from '../core/index/types.ts';
import type { DigestLensDB } from './schema.ts';

type WriteTx = IDBPTransaction<DigestLensDB, StoreNames<DigestLensDB>[], 'readwrite'>;

/**
 * The core's RecordStore on one readwrite transaction. Every method awaits only IndexedDB
 * requests, so the transaction stays alive through a whole digest's records.
 */
export class TxRecordStore implements RecordStore {
  constructor(private readonly tx: WriteTx) {}

  getPaper(key: string): Promise<PaperRecord | undefined> {
    return this.tx.objectStore('papers').get(key);
  }

  papersByTitleKey(titleKey: string): Promise<PaperRecord[]> {
    return this.tx.objectStore('papers').index('by-title').getAll(titleKey);
  }

  async papersByRepo(repo: string): Promise<PaperRecord[]> {
    const papers = this.tx.objectStore('papers');
    const [own, cited] = await Promise.all([papers.index('by-repo').getAll(repo), papers.index('by-cited').getAll(repo)]);
    return [...own, ...cited];
  }

  getDigest(id: string): Promise<DigestRecord | undefined> {
    return this.tx.objectStore('digests').get(id);
  }

  async putPaper(paper: PaperRecord): Promise<void> {
    await this.tx.objectStore('papers').put(paper);
  }

  async deletePaper(key: string): Promise<void> {
    await this.tx.objectStore('papers').delete(key);
  }

  async putDigest(digest: DigestRecord): Promise<void> {
    await this.tx.objectStore('digests').put(digest);
  }

  async deleteDigest(id: string): Promise<void> {
    await this.tx.objectStore('digests').delete(id);
  }
}
