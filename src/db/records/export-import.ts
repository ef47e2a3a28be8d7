/**
 * The whole index out as JSON, and back in. Import goes digest by digest, each in its own
 * transaction: a paper gets that digest's mention and is rebuilt from all its mentions, exactly as
 * records are always built, so export → clear → import gives back identical records.
 */
import { compareVersions } from '../../core/digest/identity.ts';
import { PARSER_VERSION } from '../../core/digest/types.ts';
import { bestVersion, recordFacts, recordIdentity, removeDigest } from '../../core/index/add-digest.ts';
import { EXPORT_FORMAT_VERSION, EXPORT_KIND, type IndexExport } from '../../core/index/export-format.ts';
import { buildPaper } from '../../core/index/paper.ts';
import { decodePaper, headersOf } from '../../core/index/paper-codec.ts';
import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import type { ImportOutcome } from '../../core/index/view.ts';
import { type CountersRecord, type DB, nextUpdated } from '../schema.ts';
import { withSearchId } from '../search/index.ts';
import { failedWrite } from './errors.ts';
import type { ImportResult } from './import-digest.ts';
import { digestRecordProblem, mentionOf } from './record-checks.ts';
import { TxRecordStore } from './record-store.ts';
import { sameValue } from './same-value.ts';
import { EMPTY_COUNTERS } from './write.ts';

export async function exportIndexFrom(db: DB, now = new Date()): Promise<IndexExport> {
  const tx = db.transaction(['digests', 'papers', 'meta']);
  const [digests, papers, counters] = await Promise.all([
    tx.objectStore('digests').getAll(),
    tx.objectStore('papers').getAll(),
    tx.objectStore('meta').get('counters'),
  ]);
  const headers = headersOf(digests);
  return {
    kind: EXPORT_KIND,
    formatVersion: EXPORT_FORMAT_VERSION,
    exported: now.toISOString(),
    parserVersion: PARSER_VERSION,
    counters: (counters as CountersRecord | undefined) ?? EMPTY_COUNTERS,
    // Search ids are this database's own: an import gives its records new ones.
    digests: digests.map(withoutSearchId),
    papers: papers.map((p) => withoutSearchId(decodePaper(p, headers))),
  };
}

/** A record without the id of its search document in this database. */
const withoutSearchId = <R extends DigestRecord | PaperRecord>(r: R): R => (r.searchId === undefined ? r : withSearchId(r, undefined));

export async function importRecordsTo(db: DB, digests: readonly DigestRecord[], papers: readonly PaperRecord[]): Promise<ImportOutcome[]> {
  const byKey = new Map(papers.filter((p) => typeof p?.key === 'string').map((p) => [p.key, p]));
  const out: ImportOutcome[] = [];
  for (const d of digests) {
    const id = typeof d?.id === 'string' ? d.id : '(no id)';
    const title = typeof d?.title === 'string' ? d.title : id;
    const problem = digestRecordProblem(d, byKey);
    if (problem) {
      out.push({ id, title, outcome: 'failed', reason: problem });
      continue;
    }
    try {
      out.push({ id, title, outcome: await importRecordTo(db, d, byKey) });
    } catch (e) {
      out.push({ id, title, outcome: 'failed', reason: (e as Error).message });
    }
  }
  return out;
}

async function importRecordTo(db: DB, record: DigestRecord, byKey: ReadonlyMap<string, PaperRecord>): Promise<ImportResult> {
  const tx = db.transaction(['digests', 'papers', 'meta'], 'readwrite');
  tx.done.catch(() => undefined);
  // An export from before identity carries none: its fields give it.
  const d: DigestRecord = { ...record, identity: recordIdentity(record) };
  try {
    const store = new TxRecordStore(tx);
    // The same post under another id (another route's copy): the better version stays.
    const others = new Map<string, DigestRecord>();
    for (const k of d.identity!) for (const o of await store.digestsByIdentity(k)) if (o.id !== d.id) others.set(o.id, o);
    const best = bestVersion([...others.values()]);
    if (best && compareVersions(recordFacts(best), recordFacts(d)) >= 0) {
      tx.abort();
      return 'unchanged';
    }
    const replaced = [];
    for (const o of others.values()) replaced.push(await removeDigest(store, o.id));
    const storedDigest = await store.getDigest(d.id);
    const old = storedDigest && withoutSearchId(storedDigest);
    if (old && replaced.length === 0 && sameValue(old, d)) {
      const stored = await Promise.all(d.paperKeys.map((k) => store.getPaper(k)));
      if (stored.every((p, i) => sameValue(mentionOf(p, d.id), mentionOf(byKey.get(d.paperKeys[i]!), d.id)))) {
        tx.abort();
        return 'unchanged';
      }
    }
    const removed = old ? await removeDigest(store, d.id) : undefined;
    // The digest first: its papers' mentions join the header it holds.
    await store.putDigest(withoutSearchId(d));
    let added = 0;
    for (const key of d.paperKeys) {
      const incoming = byKey.get(key)!;
      const stored = await store.getPaper(key);
      if (!stored) added++;
      const mentions = [...(stored?.mentions ?? []).filter((m) => m.digestId !== d.id), mentionOf(incoming, d.id)!];
      const arxivId = incoming.arxivId ?? stored?.arxivId;
      await store.putPaper(buildPaper(key, mentions, arxivId ? { arxivId } : undefined));
    }
    const meta = tx.objectStore('meta');
    const c = ((await meta.get('counters')) as CountersRecord | undefined) ?? EMPTY_COUNTERS;
    await meta.put(
      {
        digests: c.digests + (old ? 0 : 1) - replaced.length,
        papers: c.papers + added - (removed?.papersRemoved ?? 0) - replaced.reduce((n, r) => n + r.papersRemoved, 0),
        mentions: c.mentions - (old?.paperKeys.length ?? 0) + d.paperKeys.length + replaced.reduce((n, r) => n + r.mentionsDelta, 0),
        updated: nextUpdated(c),
      } satisfies CountersRecord,
      'counters',
    );
    await tx.done;
    return old || replaced.length > 0 ? 'updated' : 'added';
  } catch (e) {
    // Whatever went wrong, none of it may stay.
    throw failedWrite(tx, e, `the digest "${d.title}"`);
  }
}
