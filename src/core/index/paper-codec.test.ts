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
import { decodePaper, encodePaper, isStoredPaper, keyHash } from './paper-codec.ts';
import type { PaperRecord } from './types.ts';

const SEEDS = join(import.meta.dirname, '../../../tests/fixtures/seeds');

async function seedPapers(): Promise<PaperRecord[]> {
  const index = JSON.parse(readFileSync(join(SEEDS, 'index.json'), 'utf8')) as { file: string; url: string }[];
  const store = new MemoryStore();
  for (const e of index) {
    for (const d of parseDigestDocument(readFileSync(join(SEEDS, e.file), 'utf8'), { url: e.url, fileName: e.file }).digests) await addDigest(store, d);
  }
  return [...store.papers.values()];
}

/** As IndexedDB stores a row: a structured clone of it. */
const stored = (p: PaperRecord) => structuredClone(encodePaper(p));

describe('paper codec', () => {
  it('gives back every paper of the seeds exactly, in under 70% of the bytes', async () => {
    const papers = await seedPapers();
    expect(papers.length).toBeGreaterThan(100);
    let whole = 0;
    let packed = 0;
    for (const [i, p] of papers.entries()) {
      const withId = { ...p, searchId: i };
      expect(decodePaper(stored(withId))).toEqual(withId);
      whole += serialize(withId).length;
      packed += serialize(encodePaper(withId)).length;
    }
    expect(packed / whole).toBeLessThan(0.7);
  });

  it('gives back papers that many digests rewrote: re-keyed, merged, named again and edited', async () => {
    const store = new MemoryStore();
    for (const d of randomDigests(7, 60)) await addDigest(store, d);
    for (const p of store.papers.values()) expect(decodePaper(stored(p))).toEqual(p);
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
    expect(decodePaper(stored(base))).toEqual(base);
    // An arXiv id under a key that is not it (never written today, but kept if it is).
    const odd = { ...base, key: '2605.00001', arxivId: '2605.00002' } as PaperRecord;
    expect(decodePaper(stored(odd))).toEqual(odd);
    const none = { ...base, key: '2605.00001' } as PaperRecord;
    expect(decodePaper(stored(none))).toEqual(none);
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
      expect(decodePaper(structuredClone(row))).toEqual(p);
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
    expect(decodePaper(p)).toBe(p);
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
