import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksFromText, collapse, splitRunTogether } from './blocks-from-text.ts';

describe('collapse', () => {
  it('does what s.replace(/\\s+/g, " ").trim() does, in one pass', () => {
    const unit = fc.constantFrom('a', 'b', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '•', '“');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => collapse(s) === s.replace(/\s+/g, ' ').trim()),
      { numRuns: 2000 },
    );
  });
});

describe('blocksFromText', () => {
  it('reads paragraphs and both bullet styles', () => {
    const blocks = blocksFromText('Title\n\nA paragraph.\n- One: first\n• Two: second\n', []);
    expect(blocks.map((b) => [b.kind, b.depth, b.text])).toEqual([
      ['paragraph', 0, 'Title'],
      ['paragraph', 0, 'A paragraph.'],
      ['item', 0, 'One: first'],
      ['item', 0, 'Two: second'],
    ]);
  });

  it('nests bullets by indentation, whether 2 or 4 spaces', () => {
    const blocks = blocksFromText('  • Medical:\n    • MKG-CARE uses graphs.\n    • HADS-Net employs edges.\n  • Time Series:\n', []);
    expect(blocks.map((b) => b.depth)).toEqual([0, 1, 1, 0]);
  });

  it('rejoins a line wrapped inside a parenthesis', () => {
    const blocks = blocksFromText('- BrepCoder: a CAD model (Paper:\nBrepCoder: A Unified Model, https://arxiv.org/pdf/2602.22284).\n- Next: item', []);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.text).toBe('BrepCoder: a CAD model (Paper: BrepCoder: A Unified Model, https://arxiv.org/pdf/2602.22284).');
  });

  it('does not join lines when the parenthesis never closes', () => {
    const blocks = blocksFromText('An aside (that runs on\nNext paragraph.', []);
    expect(blocks.map((b) => b.text)).toEqual(['An aside (that runs on', 'Next paragraph.']);
  });

  it('turns written-out URLs into links, without the sentence’s full stop', () => {
    const [b] = blocksFromText('Code available at https://github.com/chr-is-tof/RADE-Net. See www.example.org/x).', []);
    expect(b!.links.map((l) => [l.href, l.text, b!.text.slice(l.start, l.end)])).toEqual([
      ['https://github.com/chr-is-tof/RADE-Net', 'https://github.com/chr-is-tof/RADE-Net', 'https://github.com/chr-is-tof/RADE-Net'],
      ['https://www.example.org/x', 'www.example.org/x', 'www.example.org/x'],
    ]);
  });

  it('caps the number of blocks and says so', () => {
    const warnings: string[] = [];
    const blocks = blocksFromText('line\n'.repeat(20_000), warnings);
    expect(blocks.length).toBeLessThanOrEqual(5000);
    expect(warnings.join()).toMatch(/too many blocks/);
  });
});

describe('splitRunTogether', () => {
  it('splits bullets that extraction ran together (seed 2026-02-28)', () => {
    expect(
      splitRunTogether(
        'OSDaR-AR Dataset: sequences. (Paper: OSDaR-AR: Enhancing Railway Perception) - BigMaQ Dataset: The first dataset. Code at https://github.com/open-mmlab/mmpose.',
      ),
    ).toEqual([
      'OSDaR-AR Dataset: sequences. (Paper: OSDaR-AR: Enhancing Railway Perception)',
      'BigMaQ Dataset: The first dataset. Code at https://github.com/open-mmlab/mmpose.',
    ]);
    expect(splitRunTogether('BrepCoder: CAD (Paper: BrepCoder: X, https://arxiv.org/pdf/2602.22284). - SF3D-RGB: Scene flow.')).toEqual([
      'BrepCoder: CAD (Paper: BrepCoder: X, https://arxiv.org/pdf/2602.22284).',
      'SF3D-RGB: Scene flow.',
    ]);
  });

  it('keeps a dash inside a sentence', () => {
    const text = 'A model - which is fast - beats B: by far. Then x - y: z';
    expect(splitRunTogether(text)).toEqual([text]);
  });
});
