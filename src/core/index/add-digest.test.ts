import { describe, expect, it } from 'vitest';
import { digest } from '../../../tests/support/make-digest.ts';
import { normalizeArxivId } from '../ids/arxiv-id.ts';
import { addDigest, assignArxivId, removeDigest } from './add-digest.ts';
import { MemoryStore } from './memory-store.ts';

const TITLE = 'Plug-in Losses for Evidential Deep Learning';

describe('addDigest', () => {
  it('keys papers by arXiv id, else title, else name within the digest', async () => {
    const s = new MemoryStore();
    await addDigest(s, digest('a', '2026-05-23', [{ name: 'X', arxiv: '2602.22544v2' }, { name: 'Plug-in', title: TITLE }, { name: 'HADS-Net' }]));
    expect([...s.papers.keys()].sort()).toEqual(['2602.22544', 'n:a#hads net', 't:plug in losses for evidential deep learning']);
  });

  it('re-keys a paper known by title when a later digest gives its arXiv id, keeping both mentions', async () => {
    const s = new MemoryStore();
    await addDigest(s, digest('old', '2026-05-23', [{ name: 'P', title: TITLE, theme: 0 }]));
    const r = await addDigest(
      s,
      digest('new', '2026-06-06', [{ name: 'P', title: 'Plug-in losses for evidential deep-learning', arxiv: '2605.11111', theme: 1 }]),
    );
    expect([...s.papers.keys()]).toEqual(['2605.11111']);
    const p = s.papers.get('2605.11111')!;
    expect(p.mentions.map((m) => m.digestId)).toEqual(['new', 'old']);
    expect(s.digests.get('old')!.paperKeys).toEqual(['2605.11111']);
    expect(s.digests.get('old')!.themes[0]!.paperKeys).toEqual(['2605.11111']);
    // One added, one removed by the re-key, one added again: the net count is one paper.
    expect(r.papersAdded - r.papersRemoved).toBe(0);
  });

  it('joins a short name across digests only when a code link agrees', async () => {
    const s = new MemoryStore();
    await addDigest(s, digest('a', '2026-05-23', [{ name: 'SENSE', code: ['https://github.com/kailaisun/GenAI4Urban-Energy'] }]));
    await addDigest(s, digest('b', '2026-06-06', [{ name: 'SENSE', code: ['https://github.com/other/sense'] }]));
    await addDigest(s, digest('c', '2026-06-13', [{ name: 'SENSE', code: ['https://github.com/KailaiSun/genai4urban-energy'] }]));
    expect(s.papers.size).toBe(2);
    expect(s.papers.get('n:a#sense')!.mentions.map((m) => m.digestId)).toEqual(['c', 'a']);
  });

  it('keeps an upstream library apart as "cited as code" and never joins papers through it', async () => {
    const s = new MemoryStore();
    await addDigest(
      s,
      digest('a', '2026-02-28', [
        { name: 'BigMaQ Dataset', code: ['https://github.com/open-mmlab/mmpose'] },
        { name: 'RADE-Net', code: ['https://github.com/chr-is-tof/RADE-Net'] },
      ]),
    );
    await addDigest(s, digest('b', '2026-03-07', [{ name: 'BigMaQ Dataset', code: ['https://github.com/open-mmlab/mmpose'] }]));
    const big = s.papers.get('n:a#bigmaq dataset')!;
    expect(big.citedRepos).toEqual(['open-mmlab/mmpose']);
    expect(big.repos).toEqual([]);
    expect(s.papers.get('n:a#rade net')!.repos).toEqual(['chr-is-tof/rade-net']);
    expect(s.papers.get('n:a#rade net')!.orgs).toEqual(['chr-is-tof']);
    expect(s.papers.size).toBe(3);
    expect((await s.papersByRepo('open-mmlab/mmpose')).length).toBe(2);
  });

  it('replaces a digest written again (an edited post) without duplicate mentions', async () => {
    const s = new MemoryStore();
    const d = digest('a', '2026-05-23', [
      { name: 'A', arxiv: '2605.00001', theme: 0 },
      { name: 'B', arxiv: '2605.00002', theme: 0 },
    ]);
    const first = await addDigest(s, d);
    const second = await addDigest(s, { ...d, papers: d.papers.slice(0, 1) });
    expect(first.digestsAdded).toBe(1);
    expect(second.digestsAdded).toBe(0);
    expect(s.papers.get('2605.00001')!.mentions).toHaveLength(1);
    expect(s.papers.has('2605.00002')).toBe(false);
    expect(second.papersAdded - second.papersRemoved).toBe(-1);
  });

  it('places each paper in its theme: paper k of n', async () => {
    const s = new MemoryStore();
    await addDigest(
      s,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001', theme: 0 },
        { name: 'B', arxiv: '2605.00002', theme: 1 },
        { name: 'C', arxiv: '2605.00003', theme: 0 },
      ]),
    );
    expect(s.papers.get('2605.00003')!.mentions[0]!.placements).toEqual([{ theme: 0, k: 2, n: 2 }]);
    expect(s.papers.get('2605.00002')!.mentions[0]!.placements).toEqual([{ theme: 1, k: 1, n: 1 }]);
    expect(s.digests.get('a')!.themes[0]!.paperKeys).toEqual(['2605.00001', '2605.00003']);
  });

  it('merges two names of one arXiv paper in one digest into one mention', async () => {
    const s = new MemoryStore();
    await addDigest(
      s,
      digest('a', '2026-05-23', [
        { name: 'HARU-Net', arxiv: '2602.22544', section: 'bigIdeas', context: 'one' },
        { name: 'HARU-Net: Hybrid Attention', arxiv: '2602.22544', section: 'impact', context: 'two' },
      ]),
    );
    const p = s.papers.get('2602.22544')!;
    expect(p.mentions).toHaveLength(1);
    expect(p.mentions[0]!.sections).toEqual(['bigIdeas', 'impact']);
    expect(p.mentions[0]!.contexts.map((c) => c.text)).toEqual(['one', 'two']);
  });

  it('never merges two different arXiv papers that share a title', async () => {
    const s = new MemoryStore();
    await addDigest(s, digest('a', '2026-05-23', [{ name: 'T', title: 'Same Title', arxiv: '2605.00001' }]));
    await addDigest(s, digest('b', '2026-05-30', [{ name: 'T', title: 'Same Title', arxiv: '2605.00002' }]));
    expect(s.papers.size).toBe(2);
  });
});

describe('removeDigest and assignArxivId', () => {
  it('removes a digest and the papers only it mentioned', async () => {
    const s = new MemoryStore();
    await addDigest(
      s,
      digest('a', '2026-05-23', [
        { name: 'A', arxiv: '2605.00001' },
        { name: 'B', arxiv: '2605.00002' },
      ]),
    );
    await addDigest(s, digest('b', '2026-05-30', [{ name: 'A', arxiv: '2605.00001' }]));
    const r = await removeDigest(s, 'a');
    expect(r.papersRemoved).toBe(1);
    expect([...s.papers.keys()]).toEqual(['2605.00001']);
    expect(s.papers.get('2605.00001')!.mentions.map((m) => m.digestId)).toEqual(['b']);
  });

  it('moves a title-keyed paper to the arXiv id learnt from its page', async () => {
    const s = new MemoryStore();
    await addDigest(s, digest('a', '2026-05-23', [{ name: 'P', title: TITLE }]));
    const id = normalizeArxivId('2605.20001')!;
    const moved = await assignArxivId(s, 't:plug in losses for evidential deep learning', id);
    expect(moved?.key).toBe('2605.20001');
    expect([...s.papers.keys()]).toEqual(['2605.20001']);
    expect(s.digests.get('a')!.paperKeys).toEqual(['2605.20001']);
    expect(await s.papersByTitleKey('plug in losses for evidential deep learning')).toHaveLength(1);
  });
});
