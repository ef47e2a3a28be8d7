// Stored documents are packed (StoredDoc): read back they must give search exactly the document the
// records make, and rows of the earlier shapes must still read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest } from '../../../tests/support/make-digest.ts';
import { type Digest, parseDigestDocument } from '../digest/index.ts';
import { titleKey } from '../ids/title-key.ts';
import { addDigest } from '../index/add-digest.ts';
import { MemoryStore } from '../index/memory-store.ts';
import {
  digestDoc,
  digestTexts,
  packDoc,
  paperDoc,
  paperTexts,
  readStoredDoc,
  type SearchDoc,
  type StoredDoc,
  storedDigestDoc,
  storedPaperDoc,
  type TextDoc,
  unpackDoc,
} from './document.ts';

const SEEDS = join(import.meta.dirname, '../../../tests/fixtures/seeds');
const seedIndex = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];
const seeds: Digest[] = seedIndex.map((e) => parseDigestDocument(readFileSync(join(SEEDS, e.file), 'utf8'), { url: e.url, fileName: e.file }).digests[0]!);

async function storeOf(digests: readonly Digest[]): Promise<MemoryStore> {
  const s = new MemoryStore();
  for (const d of digests) await addDigest(s, d);
  return s;
}

interface Made {
  readonly kind: SearchDoc['kind'];
  readonly key: string;
  /** As search makes it from the record, nothing packed. */
  readonly doc: SearchDoc;
  readonly texts: TextDoc;
  readonly stored: StoredDoc;
}

function made(s: MemoryStore): Made[] {
  return [
    ...[...s.papers.values()].map((p) => ({ kind: 'paper' as const, key: p.key, doc: paperDoc(p), texts: paperTexts(p), stored: storedPaperDoc(p) })),
    ...[...s.digests.values()].map((d) => ({ kind: 'digest' as const, key: d.id, doc: digestDoc(d), texts: digestTexts(d), stored: storedDigestDoc(d) })),
  ];
}

/** As IndexedDB gives a stored value back: a structured clone. */
const read = (doc: StoredDoc | TextDoc | SearchDoc, m: Made): SearchDoc => readStoredDoc(structuredClone(doc), m.kind, m.key);

function expectRoundTrips(docs: readonly Made[]): void {
  for (const m of docs) {
    expect(unpackDoc(structuredClone(m.stored), m.kind, m.key), m.key).toStrictEqual(m.texts);
    const back = read(m.stored, m);
    expect(back, m.key).toStrictEqual(m.doc);
    // Property order too: nothing tells a document read back from one just made.
    expect(JSON.stringify(back), m.key).toBe(JSON.stringify(m.doc));
    // Rows of the earlier shapes: texts by field with kind and key, and the whole document.
    expect(read(m.texts, m), m.key).toStrictEqual(m.doc);
    expect(read(m.doc, m), m.key).toStrictEqual(m.doc);
  }
}

describe('stored documents', () => {
  it('read back as the document the records make, for every paper and digest of the seeds', async () => {
    const docs = made(await storeOf(seeds));
    expect(docs.length).toBeGreaterThan(100);
    expectRoundTrips(docs);
  });

  it('leave out what the rest gives: kind, key, the title key, a name that is the title head', async () => {
    const s = await storeOf([digest('a', '2026-05-23', [{ name: 'HADS-Net', title: 'HADS-Net: breast ultrasound', arxiv: '2605.00400' }])]);
    const p = [...s.papers.values()][0]!;
    const stored = storedPaperDoc(p);
    expect(JSON.stringify(stored)).not.toContain('HADS-Net"');
    expect(JSON.stringify(stored)).not.toContain('hads net breast');
    expect(JSON.stringify(stored)).not.toContain('2605.00400');
    expect(stored).toHaveLength(4);
    expectRoundTrips(made(s));
  });

  it('keep the edge cases exact: no title, names with colons, non-Latin text, empty fields', async () => {
    const s = await storeOf([
      digest('a', '2025-12-30', [
        { name: 'MalariAI' },
        { name: 'A:B', title: 'A:B: a name with a colon' },
        { name: 'Solo', title: 'Solo' },
        { name: 'Other', title: 'Head: not the name' },
        { name: 'ŁódźNet', title: 'ŁódźNet: 中文标题 and Ελληνικά', context: 'सूचना देवनागरी ไทย — “quoted”', datasets: ['数据集'] },
        { name: 'Dashes', title: '—', context: '—', datasets: ['!!!', ''] },
      ]),
      // The same papers a year later: two years, a newer date.
      digest('b', '2026-01-02', [
        { name: 'MalariAI', context: 'MalariAI again.' },
        { name: 'A:B', title: 'A:B: a name with a colon' },
      ]),
      { ...digest('c', '2026-02-01', [{ name: 'Quiet', title: ':leading colon' }]), title: '', topic: '', intro: '', themes: [] },
    ]);
    const docs = made(s);
    expect(docs.some((m) => m.doc.years.length === 2)).toBe(true);
    expect(docs.some((m) => m.texts.texts[0].length === 0)).toBe(true);
    expectRoundTrips(docs);
  });

  it('keep any document exact, whatever its texts', () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', ':', 'a:b', '\t', '\n', '—'));
    const keys = fc.array(text, { maxLength: 4 }).map((ts) => ts.map(titleKey));
    const date = fc.oneof(
      fc.date({ min: new Date(-5e13), max: new Date(5e13), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      text,
      fc.constantFrom('2026-02-30', '2026-5-3', '+10000-01-01'),
    );
    const doc = fc
      .record({
        kind: fc.constantFrom('paper' as const, 'digest' as const),
        key: text,
        title: text,
        name: fc.option(text, { nil: undefined }),
        nameIsHead: fc.boolean(),
        arxivId: fc.option(text, { nil: undefined }),
        arxivIsKey: fc.boolean(),
        topics: keys,
        date,
        years: fc.oneof(fc.array(fc.integer({ min: -1, max: 99999 }), { maxLength: 3 }), fc.constant(undefined)),
        hasCode: fc.boolean(),
        url: fc.option(text, { nil: undefined }),
        titleKeyed: fc.boolean(),
        nameKeyed: fc.boolean(),
        texts: fc.tuple(keys, keys, keys, keys, keys),
      })
      .map((r): TextDoc => {
        const name = r.nameIsHead && r.title.includes(':') ? r.title.slice(0, r.title.indexOf(':')) : r.name;
        const [title, names, meta, context, metaOnly] = r.texts;
        const arxivId = r.arxivIsKey ? r.key : r.arxivId;
        return {
          kind: r.kind,
          key: r.key,
          title: r.title,
          ...(name !== undefined ? { name } : {}),
          ...(arxivId !== undefined ? { arxivId } : {}),
          topics: r.topics,
          date: r.date,
          years: r.years ?? [Number(r.date.slice(0, 4))],
          hasCode: r.hasCode,
          ...(r.url !== undefined ? { url: r.url } : {}),
          texts: [r.titleKeyed ? [titleKey(r.title)] : title, r.nameKeyed ? [titleKey(name ?? r.title), ...names] : names, meta, context, metaOnly],
        };
      });
    fc.assert(
      fc.property(doc, (d) => {
        expect(unpackDoc(structuredClone(packDoc(d)), d.kind, d.key)).toStrictEqual(d);
      }),
    );
  });
});
