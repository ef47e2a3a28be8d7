import { identityKeys } from '../../core/digest/identity.ts';
import type { Digest } from '../../core/digest/types.ts';
import { digestLookups } from '../../core/index/add-digest.ts';
import type { DigestRecord, PaperRecord, RecordStore } from '../../core/index/types.ts';
import { headersForWrite, readPaper, readPapersBy, readPapersByTitle, writePaper } from '../paper-rows.ts';
import { isPaperRef } from '../search/index.ts';
import { issueAll, type RecordTx } from '../tx.ts';
import { digestAlias, keyAlias, repoAlias, titleAlias } from './alias-filter.ts';

/**
 * The core's RecordStore on one readwrite transaction. Every method awaits only IndexedDB
 * requests, so the transaction stays alive through a whole digest's records.
 */
export class TxRecordStore implements RecordStore {
  constructor(private readonly tx: RecordTx) {}

  getPaper(key: string): Promise<PaperRecord | undefined> {
    return readPaper(this.tx.objectStore('papers'), key);
  }

  papersByTitleKey(titleKey: string): Promise<PaperRecord[]> {
    return readPapersByTitle(this.tx.objectStore('papers'), titleKey);
  }

  async papersByRepo(repo: string): Promise<PaperRecord[]> {
    const papers = this.tx.objectStore('papers');
    const [own, cited] = await Promise.all([readPapersBy(papers, 'by-repo', repo), readPapersBy(papers, 'by-cited', repo)]);
    return [...own, ...cited];
  }

  getDigest(id: string): Promise<DigestRecord | undefined> {
    return this.tx.objectStore('digests').get(id);
  }

  async digestsByIdentity(key: string): Promise<DigestRecord[]> {
    return readByIdentity(this.tx, key);
  }

  /**
   * Written at once, its mentions joined to the digests stored now: a caller that then puts one
   * of those digests again rewrites its papers after it (imports put a digest before its papers).
   */
  async putPaper(paper: PaperRecord): Promise<void> {
    const papers = this.tx.objectStore('papers');
    await writePaper(papers, paper, await headersForWrite(papers, [paper]));
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

/** Stored digests with this identity key (none in a database from before the by-identity index). */
function readByIdentity(tx: RecordTx, key: string): Promise<DigestRecord[]> {
  const digests = tx.objectStore('digests');
  return digests.indexNames.contains('by-identity') ? digests.index('by-identity').getAll(key) : Promise.resolve([]);
}

/** A record from `known` (null: absent), read from the transaction the first time; `originals` keeps what each read found. */
async function readThrough<T>(
  known: Map<string, T | null>,
  originals: Map<string, T | null>,
  key: string,
  read: () => Promise<T | undefined>,
): Promise<T | undefined> {
  if (!known.has(key)) {
    const found = await read();
    if (!originals.has(key)) originals.set(key, found ?? null);
    // Another read may have landed (or a write been made) while this one was in flight.
    if (!known.has(key)) known.set(key, found ?? null);
  }
  return known.get(key) ?? undefined;
}

const hasRepo = (p: PaperRecord, repo: string): boolean => p.repos.includes(repo) || p.citedRepos.includes(repo);

/**
 * A RecordStore that reads everything a digest will ask for in one parallel wave (`prefetch`),
 * keeps the digest's writes in memory, answers reads and index queries from both, and writes
 * them out in one more wave (`flush`, issued beside the search index's writes): a digest costs
 * a few waves of requests, not one request awaited after another. Reads it did not foresee fall
 * through to the transaction, so the answers are always the same as TxRecordStore's; until the
 * flush, the stored records are the originals (`original`).
 */
export class BufferedRecordStore implements RecordStore {
  /** Every paper seen, by key: null when absent. Writes land here too. */
  private readonly papers = new Map<string, PaperRecord | null>();
  private readonly digests = new Map<string, DigestRecord | null>();
  /** Keys the stored index gave for a title key / repository (before this store's writes). */
  private readonly byTitle = new Map<string, Set<string>>();
  private readonly byRepo = new Map<string, Set<string>>();
  /** Ids the stored index gave for an identity key, and those this store wrote under one. */
  private readonly byIdentity = new Map<string, Set<string>>();
  private readonly writtenByIdentity = new Map<string, Set<string>>();
  private readonly dirtyPapers = new Set<string>();
  private readonly dirtyDigests = new Set<string>();
  /** Keys this store wrote, by title key and repository (kept after a flush: the sets above predate them). */
  private readonly writtenByTitle = new Map<string, Set<string>>();
  private readonly writtenByRepo = new Map<string, Set<string>>();
  /** Every record read, as the transaction first found it (null: absent): what search has indexed. */
  private readonly originalPapers = new Map<string, PaperRecord | null>();
  private readonly originalDigests = new Map<string, DigestRecord | null>();

  constructor(private readonly tx: RecordTx) {}

  /**
   * Reads, all at once, what writing `digest` will look up; but not what `absent` (the alias
   * filter, when it holds every stored value) says no record holds: that is known absent unread.
   */
  async prefetch(digest: Digest, absent: (alias: string) => boolean = () => false): Promise<void> {
    const { keys, titleKeys, repos } = digestLookups(digest);
    const papers = this.tx.objectStore('papers');
    // What the filter rules out is answered as the transaction would answer it: nothing.
    const queried = (values: Iterable<string>, alias: (v: string) => string, index: Map<string, Set<string>>) =>
      [...values].filter((v) => {
        if (index.has(v)) return false;
        if (!absent(alias(v))) return true;
        index.set(v, new Set());
        return false;
      });
    // A record this store already knows is answered from memory (by getPaper / getDigest).
    const fetched = <T>(values: Iterable<string>, alias: (v: string) => string, known: Map<string, T | null>, originals: Map<string, T | null>) =>
      [...values].filter((v) => {
        if (known.has(v) || !absent(alias(v))) return true;
        known.set(v, null);
        if (!originals.has(v)) originals.set(v, null);
        return false;
      });
    await Promise.all([
      // Re-adding a stored digest removes its mentions first; so does replacing another version of its post.
      ...fetched([digest.id], digestAlias, this.digests, this.originalDigests).map((id) => this.digestWithPapers(id)),
      ...identityKeys(digest)
        .filter((k) => !this.byIdentity.has(k))
        .map(async (k) => {
          const found = await readByIdentity(this.tx, k);
          this.learnDigests(k, found);
          await Promise.all(found.flatMap((d) => d.paperKeys.map((p) => this.getPaper(p))));
        }),
      ...fetched(keys, keyAlias, this.papers, this.originalPapers).map((k) => this.getPaper(k)),
      ...queried(titleKeys, titleAlias, this.byTitle).map(async (t) => this.learn(this.byTitle, t, await readPapersByTitle(papers, t))),
      ...queried(repos, repoAlias, this.byRepo).map(async (r) => {
        const [own, cited] = await Promise.all([readPapersBy(papers, 'by-repo', r), readPapersBy(papers, 'by-cited', r)]);
        this.learn(this.byRepo, r, [...own, ...cited]);
      }),
    ]);
  }

  /** A stored digest, with every paper it names read in one wave (what removing it reads one by one). */
  async digestWithPapers(id: string): Promise<DigestRecord | undefined> {
    const old = await this.getDigest(id);
    if (old) await Promise.all(old.paperKeys.map((k) => this.getPaper(k)));
    return old;
  }

  private learn(index: Map<string, Set<string>>, value: string, found: readonly PaperRecord[]): void {
    index.set(value, new Set(found.map((p) => p.key)));
    for (const p of found) {
      if (!this.originalPapers.has(p.key)) this.originalPapers.set(p.key, p);
      if (!this.papers.has(p.key)) this.papers.set(p.key, p);
    }
  }

  private learnDigests(key: string, found: readonly DigestRecord[]): void {
    this.byIdentity.set(key, new Set(found.map((d) => d.id)));
    for (const d of found) {
      if (!this.originalDigests.has(d.id)) this.originalDigests.set(d.id, d);
      if (!this.digests.has(d.id)) this.digests.set(d.id, d);
    }
  }

  async digestsByIdentity(key: string): Promise<DigestRecord[]> {
    if (!this.byIdentity.has(key)) this.learnDigests(key, await readByIdentity(this.tx, key));
    const out = new Map<string, DigestRecord>();
    for (const id of [...this.byIdentity.get(key)!, ...(this.writtenByIdentity.get(key) ?? [])]) {
      const d = this.digests.get(id);
      if (d && (d.identity ?? []).includes(key)) out.set(id, d);
    }
    return [...out.values()];
  }

  getPaper(key: string): Promise<PaperRecord | undefined> {
    return readThrough(this.papers, this.originalPapers, key, () => readPaper(this.tx.objectStore('papers'), key));
  }

  private async query(
    index: Map<string, Set<string>>,
    written: Map<string, Set<string>>,
    value: string,
    read: () => Promise<PaperRecord[]>,
    matches: (p: PaperRecord) => boolean,
  ): Promise<PaperRecord[]> {
    if (!index.has(value)) this.learn(index, value, await read());
    const out = new Map<string, PaperRecord>();
    // Stored matches, as this store now has them; then this store's own writes that match.
    for (const k of [...index.get(value)!, ...(written.get(value) ?? [])]) {
      const p = this.papers.get(k);
      if (p && matches(p)) out.set(k, p);
    }
    return [...out.values()];
  }

  papersByTitleKey(tk: string): Promise<PaperRecord[]> {
    return this.query(
      this.byTitle,
      this.writtenByTitle,
      tk,
      () => readPapersByTitle(this.tx.objectStore('papers'), tk),
      (p) => p.titleKey === tk,
    );
  }

  papersByRepo(repo: string): Promise<PaperRecord[]> {
    return this.query(
      this.byRepo,
      this.writtenByRepo,
      repo,
      () => new TxRecordStore(this.tx).papersByRepo(repo),
      (p) => hasRepo(p, repo),
    );
  }

  getDigest(id: string): Promise<DigestRecord | undefined> {
    return readThrough(this.digests, this.originalDigests, id, () => this.tx.objectStore('digests').get(id));
  }

  async putPaper(paper: PaperRecord): Promise<void> {
    this.papers.set(paper.key, paper);
    this.dirtyPapers.add(paper.key);
    const note = (m: Map<string, Set<string>>, v: string) => (m.get(v) ?? m.set(v, new Set()).get(v)!).add(paper.key);
    if (paper.titleKey) note(this.writtenByTitle, paper.titleKey);
    for (const r of [...paper.repos, ...paper.citedRepos]) note(this.writtenByRepo, r);
  }

  async deletePaper(key: string): Promise<void> {
    this.papers.set(key, null);
    this.dirtyPapers.add(key);
  }

  async putDigest(digest: DigestRecord): Promise<void> {
    this.digests.set(digest.id, digest);
    this.dirtyDigests.add(digest.id);
    for (const k of digest.identity ?? []) (this.writtenByIdentity.get(k) ?? this.writtenByIdentity.set(k, new Set()).get(k)!).add(digest.id);
  }

  async deleteDigest(id: string): Promise<void> {
    this.digests.set(id, null);
    this.dirtyDigests.add(id);
  }

  /** Writes every change at once; the caller awaits the transaction. */
  async flush(): Promise<void> {
    const papers = this.tx.objectStore('papers');
    const digests = this.tx.objectStore('digests');
    const dirtyPapers = [...this.dirtyPapers];
    const dirtyDigests = [...this.dirtyDigests];
    this.dirtyPapers.clear();
    this.dirtyDigests.clear();
    // Mentions join the headers of their digests as this store leaves them (or as stored, for a
    // digest it never read): what the transaction holds once it commits.
    const written = dirtyPapers.flatMap((k) => this.papers.get(k) ?? []);
    const headers = await headersForWrite(papers, written, (id) => this.digests.get(id));
    await issueAll((add) => {
      for (const k of dirtyPapers) {
        const p = this.papers.get(k);
        add(p ? writePaper(papers, p, headers) : papers.delete(k));
      }
      for (const id of dirtyDigests) {
        const d = this.digests.get(id);
        add(d ? digests.put(d) : digests.delete(id));
      }
    });
  }

  /** A paper as this store last saw or wrote it (undefined: never read). */
  known(key: string): PaperRecord | null | undefined {
    return this.papers.get(key);
  }

  knownDigest(id: string): DigestRecord | null | undefined {
    return this.digests.get(id);
  }

  /** A paper as the transaction held it before this store's writes (null: absent; undefined: never read). */
  original(key: string): PaperRecord | null | undefined {
    return this.originalPapers.get(key);
  }

  originalDigest(id: string): DigestRecord | null | undefined {
    return this.originalDigests.get(id);
  }

  /** Keys of the papers and ids of the digests this store will write (or delete) at its flush. */
  dirty(): { papers: string[]; digests: string[] } {
    return { papers: [...this.dirtyPapers], digests: [...this.dirtyDigests] };
  }

  /** Replaces records to be written by the same records with their search ids (planIndex's). */
  restamp(records: ReadonlyMap<string, PaperRecord | DigestRecord>): void {
    for (const [ref, r] of records) {
      if (isPaperRef(ref)) {
        this.papers.set(ref.slice(2), r as PaperRecord);
        this.dirtyPapers.add(ref.slice(2));
      } else {
        this.digests.set(ref.slice(2), r as DigestRecord);
        this.dirtyDigests.add(ref.slice(2));
      }
    }
  }
}
