import type { DigestRecord, PaperRecord, RecordStore } from './types.ts';

class MultiMap {
  private readonly map = new Map<string, Set<string>>();
  add(k: string, v: string): void {
    let set = this.map.get(k);
    if (!set) this.map.set(k, (set = new Set()));
    set.add(v);
  }
  delete(k: string, v: string): void {
    const set = this.map.get(k);
    set?.delete(v);
    if (set?.size === 0) this.map.delete(k);
  }
  get(k: string): string[] {
    return [...(this.map.get(k) ?? [])];
  }
}

/**
 * A RecordStore on Maps, for the command-line tool, tests and benchmarks. It keeps the same
 * secondary indexes the IndexedDB schema does, so building a large index stays linear.
 */
export class MemoryStore implements RecordStore {
  readonly papers = new Map<string, PaperRecord>();
  readonly digests = new Map<string, DigestRecord>();
  private readonly byTitle = new MultiMap();
  private readonly byRepo = new MultiMap();
  private readonly byOrg = new MultiMap();
  private readonly byIdentity = new MultiMap();

  async getPaper(key: string): Promise<PaperRecord | undefined> {
    return this.papers.get(key);
  }

  async papersByTitleKey(titleKey: string): Promise<PaperRecord[]> {
    return this.resolve(this.byTitle.get(titleKey));
  }

  /** Papers whose code or cited code is this `owner/repo`. */
  async papersByRepo(repo: string): Promise<PaperRecord[]> {
    return this.resolve(this.byRepo.get(repo));
  }

  async papersByOrg(org: string): Promise<PaperRecord[]> {
    return this.resolve(this.byOrg.get(org));
  }

  async getDigest(id: string): Promise<DigestRecord | undefined> {
    return this.digests.get(id);
  }

  async digestsByIdentity(key: string): Promise<DigestRecord[]> {
    return this.byIdentity.get(key).flatMap((id) => this.digests.get(id) ?? []);
  }

  async putPaper(paper: PaperRecord): Promise<void> {
    this.unindex(paper.key);
    this.papers.set(paper.key, paper);
    if (paper.titleKey) this.byTitle.add(paper.titleKey, paper.key);
    for (const r of [...paper.repos, ...paper.citedRepos]) this.byRepo.add(r, paper.key);
    for (const o of paper.orgs) this.byOrg.add(o, paper.key);
  }

  async deletePaper(key: string): Promise<void> {
    this.unindex(key);
    this.papers.delete(key);
  }

  async putDigest(digest: DigestRecord): Promise<void> {
    await this.deleteDigest(digest.id);
    this.digests.set(digest.id, digest);
    for (const k of digest.identity ?? []) this.byIdentity.add(k, digest.id);
  }

  async deleteDigest(id: string): Promise<void> {
    for (const k of this.digests.get(id)?.identity ?? []) this.byIdentity.delete(k, id);
    this.digests.delete(id);
  }

  private unindex(key: string): void {
    const old = this.papers.get(key);
    if (!old) return;
    if (old.titleKey) this.byTitle.delete(old.titleKey, key);
    for (const r of [...old.repos, ...old.citedRepos]) this.byRepo.delete(r, key);
    for (const o of old.orgs) this.byOrg.delete(o, key);
  }

  private resolve(keys: string[]): PaperRecord[] {
    return keys.map((k) => this.papers.get(k)).filter((p): p is PaperRecord => p !== undefined);
  }
}
