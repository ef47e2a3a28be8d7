import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { code, digest } from '../../../tests/support/make-digest.ts';
import { randomDigests } from '../../../tests/support/random-digests.ts';
import { parseDigestDocument } from '../digest/index.ts';
import { addDigest } from './add-digest.ts';
import { MemoryStore } from './memory-store.ts';
import { buildPaper } from './paper.ts';
import { type DigestHeaders, decodePaper, encodePaper, headersOf, isJoined, isStoredPaper, keyHash } from './paper-codec.ts';
import type { PaperRecord } from './types.ts';

const SEEDS = join(import.meta.dirname, '../../../tests/fixtures/seeds');

async function seedStore(): Promise<MemoryStore> {
  const index = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];
  const store = new MemoryStore();
  for (const e of index) {
    for (const d of parseDigestDocument(readFileSync(join(SEEDS, e.file), 'utf8'), { url: e.url, fileName: e.file }).digests) await addDigest(store, d);
  }
  return store;
}

const NONE: DigestHeaders = () => undefined;
/** As IndexedDB stores a row: a structured clone of it. */
const stored = (p: PaperRecord, headers = NONE) => structuredClone(encodePaper(p, headers));

describe('paper codec', () => {
  it('gives back every paper of the seeds exactly, in under 70% of the bytes, and under 56% with headers joined', async () => {
    const store = await seedStore();
    const papers = [...store.papers.values()];
    const headers = headersOf([...store.digests.values()]);
    expect(papers.length).toBeGreaterThan(100);
    let whole = 0;
    let packed = 0;
    let joined = 0;
    for (const [i, p] of papers.entries()) {
      const withId = { ...p, searchId: i };
      expect(decodePaper(stored(withId), NONE)).toEqual(withId);
      const row = stored(withId, headers);
      expect(row.m.every(isJoined)).toBe(true);
      expect(decodePaper(row, headers)).toEqual(withId);
      whole += serialize(withId).length;
      packed += serialize(encodePaper(withId)).length;
      joined += serialize(row).length;
    }
    expect(packed / whole).toBeLessThan(0.7);
    // Measured: 63% packed, 54% joined.
    expect(joined / whole).toBeLessThan(0.56);
  });

  it('gives back papers that many digests rewrote: re-keyed, merged, named again and edited', async () => {
    const store = new MemoryStore();
    for (const d of randomDigests(7, 60)) await addDigest(store, d);
    const headers = headersOf([...store.digests.values()]);
    for (const p of store.papers.values()) {
      expect(decodePaper(stored(p), NONE)).toEqual(p);
      expect(decodePaper(stored(p, headers), headers)).toEqual(p);
    }
  });

  it("joins a header only when the mention carries exactly its digest's, and reads one whose digest is gone plainly", async () => {
    const store = new MemoryStore();
    await addDigest(store, digest('a', '2026-05-23', [{ name: 'Bee', title: 'Bee colonies', arxiv: '2605.00001', theme: 0 }]));
    const d = store.digests.get('a')!;
    const p = store.papers.get('2605.00001')!;
    const m = p.mentions[0]!;
    expect(m.themeTitle).toBeDefined();
    const headers = headersOf([d]);
    expect(isJoined(stored(p, headers).m[0]!)).toBe(true);
    // Any field of the header that differs (an older title, theme title, address…) keeps the mention whole.
    for (const change of [
      { digestTitle: 'Older title' },
      { themeTitle: 'Older theme' },
      { digestUrl: 'https://example.org/old' },
      { topic: 'x' },
      { digestDate: '2026-05-16' },
    ]) {
      const q = buildPaper(p.key, [{ ...m, ...change }], { arxivId: p.arxivId! });
      const row = stored(q, headers);
      expect(isJoined(row.m[0]!)).toBe(false);
      expect(decodePaper(row, headers)).toEqual(q);
    }
    // A digest the reader cannot find: the mention keeps its id and address, nothing is made up.
    const alone = decodePaper(stored(p, headers), NONE).mentions[0]!;
    expect(alone).toMatchObject({ digestId: 'a', digestUrl: 'a', digestTitle: '', digestDate: '', name: 'Bee', title: 'Bee colonies' });
    expect(alone.themeTitle).toBeUndefined();
  });

  it('keeps what it cannot derive: another arXiv id, a GitHub key its address does not give, mentions without title or theme', () => {
    const base = buildPaper('n:d#x', [
      {
        digestId: 'd',
        digestDate: '2026-05-23',
        digestTitle: 'Digest',
        digestUrl: 'https://example.org/d',
        topic: 'vision',
        name: 'X',
        placements: [],
        sections: ['underTheHood'],
        contexts: [{ section: 'underTheHood', text: 'X does things — ünïcode, 漢字.' }],
        codeUrls: [
          { url: 'https://github.com/Owner/Repo/tree/main/sub', kind: 'repo', github: 'owner/repo' },
          { url: 'https://github.com/Org', kind: 'org', github: 'org' },
          { url: 'https://gitlab.com/a/b', kind: 'repo' },
          { url: 'https://example.org/x', kind: 'site', github: 'odd/key' },
        ],
        datasets: [],
        institutions: [],
        authors: [],
      },
    ]);
    expect(decodePaper(stored(base), NONE)).toEqual(base);
    // An arXiv id under a key that is not it (never written today, but kept if it is).
    const odd = { ...base, key: '2605.00001', arxivId: '2605.00002' } as PaperRecord;
    expect(decodePaper(stored(odd), NONE)).toEqual(odd);
    const none = { ...base, key: '2605.00001' } as PaperRecord;
    expect(decodePaper(stored(none), NONE)).toEqual(none);
  });

  it('derives a short name, sections and GitHub hosts only where they give back the same', () => {
    const mention = (name: string, title: string | undefined, sections: ('bigIdeas' | 'underTheHood')[]) => ({
      digestId: 'd',
      digestDate: '2026-05-23',
      digestTitle: 'Digest',
      digestUrl: 'https://example.org/d',
      topic: 'vision',
      name,
      ...(title !== undefined ? { title } : {}),
      placements: [],
      sections,
      contexts: [{ section: 'bigIdeas' as const, text: 'Said once.' }],
      codeUrls: [{ url: 'https://github.com/o/r', kind: 'repo' as const, github: 'o/r' }],
      datasets: [],
      institutions: [],
      authors: [],
    });
    const cases = [
      mention('PIME', 'PIME: Prototype-based brains', ['bigIdeas']),
      mention('Other', 'PIME: Prototype-based brains', ['bigIdeas', 'underTheHood']),
      mention('PIME', ' PIME : spaced', ['underTheHood']),
      mention('', ': starts with a colon', ['bigIdeas']),
      mention('No title', undefined, []),
    ];
    for (const m of cases) {
      const p = buildPaper('n:d#x', [m]);
      const row = encodePaper(p);
      expect(decodePaper(structuredClone(row), NONE)).toEqual(p);
      expect(JSON.stringify(row)).not.toContain('https://github.com');
    }
    expect(encodePaper(buildPaper('n:d#x', [cases[0]!])).m[0]![5]).toBe(1);
    expect(encodePaper(buildPaper('n:d#x', [cases[1]!])).m[0]![5]).toBe('Other');
    expect(encodePaper(buildPaper('n:d#x', [cases[1]!])).m[0]![10]).toEqual(['bigIdeas', 'underTheHood']);
  });

  it('stores a mention title once when it is the paper title, and what indexes hold only as hashes', async () => {
    const store = new MemoryStore();
    await addDigest(
      store,
      digest('a', '2026-05-23', [{ name: 'Bee', title: 'Bee colonies at scale', arxiv: '2605.00001', code: ['https://github.com/o/bee'] }]),
    );
    const p = store.papers.get('2605.00001')!;
    const row = encodePaper(p);
    expect(JSON.stringify(row).split('Bee colonies at scale')).toHaveLength(2);
    expect(JSON.stringify(row)).not.toContain('bee colonies at scale');
    expect(row.th).toBe(keyHash('bee colonies at scale'));
    expect(row.rh).toEqual([keyHash('o/bee')]);
    expect(row.oh).toEqual([keyHash('o')]);
    expect(row.ch).toBeUndefined();
    expect(code('https://github.com/o/bee').github).toBe('o/bee');
  });

  it('reads a row stored whole before version 9 as it is', async () => {
    const store = new MemoryStore();
    await addDigest(store, digest('a', '2026-05-23', [{ name: 'Bee', title: 'Bee colonies' }]));
    const p = [...store.papers.values()][0]!;
    expect(isStoredPaper(p)).toBe(false);
    expect(decodePaper(p, NONE)).toBe(p);
  });

  it('hashes title keys to distinct safe integers', () => {
    const hashes = new Set<number>();
    for (let i = 0; i < 50_000; i++) {
      const h = keyHash(`title ${i}`);
      expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
      hashes.add(h);
    }
    expect(hashes.size).toBe(50_000);
  });
});
