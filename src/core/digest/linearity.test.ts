// Issue 24: no parse step may grow faster than linearly with its input. Each check measures a step's
// CPU time on an input of n characters and on one of 16n (the least of a few runs, n grown until the
// step takes a few milliseconds so that timer noise does not decide), and fails when the larger input
// costs 64× or more: a linear step costs about 16×, a quadratic one 256×. The gap is that wide so that
// what is not the step's own order (the garbage collector changing regime as the heap grows, a busy
// machine) cannot decide: those were measured at up to 2.5× over linear. Inputs reach megabytes;
// shapes are the ones that were quadratic (runs of " • ", unclosed quotes) and others a post can hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksFromHtml } from './blocks-from-html.ts';
import { blocksFromText, splitRunTogether } from './blocks-from-text.ts';
import { parseDigestDocument } from './index.ts';
import { MAX_POST_CHARS } from './limits.ts';
import { extractMentions } from './mentions.ts';
import { mergeMentions } from './merge.ts';
import { findTextLinks } from './text-links.ts';

const FACTOR = 16;
const RATIO = 64;
const FLOOR_MS = 2;
const RUNS = 5;

function repeat(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/**
 * The least CPU time of a few runs, in ms: CPU time leaves out other processes on a busy machine,
 * the least run leaves out a collection that happened to fall in it.
 */
function cost(step: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = process.cpuUsage();
    step();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Cost of `run` on FACTOR·n characters over its cost on n, n grown from `from` until a run takes FLOOR_MS. */
function growth(
  make: (n: number) => string,
  run: (input: string) => unknown,
  from: number,
  max: number,
): { n: number; ratio: number; small: number; large: number } {
  let n = from;
  let input = make(n);
  let small = cost(() => run(input));
  while (small < FLOOR_MS && n * 2 <= max) {
    n *= 2;
    input = make(n);
    small = cost(() => run(input));
  }
  const large = make(FACTOR * n);
  const t = cost(() => run(large));
  return { n, ratio: t / Math.max(small, 0.05), small, large: t };
}

/**
 * Fails when the step grows by RATIO or more for FACTOR× the input. A ratio that high is measured
 * once more at the same size, so that one disturbed measurement cannot decide; a quadratic step
 * costs FACTOR² both times.
 */
function expectLinear(label: string, make: (n: number) => string, run: (input: string) => unknown, from = 4096, max = 1 << 16): void {
  let g = growth(make, run, from, max);
  // A step already past a few seconds on FACTOR·n is not noise: no second measure.
  if (g.ratio >= RATIO && g.large < 3000) {
    const again = growth(make, run, g.n, g.n);
    if (again.ratio < g.ratio) g = again;
  }
  if (process.env.LINEARITY_LOG) console.log(`${label}\t${g.n}\t${g.ratio.toFixed(1)}`);
  expect(g.ratio, `${label}: n=${g.n} ${g.small.toFixed(1)} ms, ${FACTOR}n ${g.large.toFixed(1)} ms`).toBeLessThan(RATIO);
}

const HEADER = 'Latest 12 papers on deep learning: Feb. 28, 2026';
const UNITS = [
  ' • ',
  ' - ',
  '“',
  '”',
  '"',
  '(',
  ')',
  ': ',
  '. ',
  ', ',
  ' and ',
  ' by ',
  ' from ',
  ' et al. ',
  ' in ',
  'proposes ',
  'a',
  ' ',
  'https://github.com/a/b ',
  'https://arxiv.org/abs/2601.00001 ',
  '(https://arxiv.org/pdf/2602.22544) ',
  'HADS-Net ',
  'Ab Cd ',
  'x). - Ab: ',
  '“Foo Bar” ',
  'FooNet: Deep Search ',
  '(Paper: ',
  'Code: ',
  'on MNIST, CIFAR and ',
  'like A1, B2, ',
  'University of Porto, ',
  '\n',
];
// The shapes that were quadratic, and runs of everything else a post holds.
const SHAPES = [
  ' • ',
  '“',
  '“Ab. ',
  'x). - Ab: c ',
  '(',
  ')',
  ': ',
  'https://github.com/a/b ',
  ' - ',
  'a',
  '“Foo Bar Baz” by Ab Cd proposes FooNet, ',
  'Ab: Cd Ef. ',
];

const paragraph = (text: string) => ({
  block: { kind: 'paragraph' as const, depth: 0, text, links: findTextLinks(text), em: [], strong: [] },
  section: 'bigIdeas' as const,
  bullet: false,
});
const bullet = (text: string) => ({
  block: { kind: 'item' as const, depth: 0, text, links: findTextLinks(text), em: [], strong: [] },
  section: 'underTheHood' as const,
  bullet: true,
});

describe('parse steps grow linearly with their input', () => {
  it('splits run-together bullets in one giant line in linear time', () => {
    for (const unit of SHAPES)
      expectLinear(
        `splitRunTogether ${JSON.stringify(unit)}`,
        (n) => repeat(unit, n),
        (t) => splitRunTogether(t),
        16_384,
        1 << 18,
      );
  });

  it('reads plain text and HTML into blocks in linear time: one giant line, many tiny lines, long bullet runs', () => {
    for (const unit of [...SHAPES, 'a\n', '• X: y\n', '  • Ab (Cd\n']) {
      expectLinear(
        `blocksFromText ${JSON.stringify(unit)}`,
        (n) => repeat(unit, n),
        (t) => blocksFromText(t, []),
        8192,
        1 << 17,
      );
      expectLinear(
        `blocksFromHtml ${JSON.stringify(unit)}`,
        (n) => `<p>${repeat(unit, n)}</p><ul><li>${repeat(unit, n)}</li></ul>`,
        (t) => blocksFromHtml(t, []),
        8192,
        1 << 17,
      );
    }
  });

  // Up to 64K characters: past that a block's tokens outgrow V8's young generation and the garbage
  // collector's change of regime alone costs ~10× for 4× (measured: 64K → 256K of " • ").
  it('finds mentions in one uncapped paragraph or bullet in linear time', () => {
    for (const unit of SHAPES) {
      expectLinear(
        `prose mentions ${JSON.stringify(unit)}`,
        (n) => repeat(unit, n),
        (t) => mergeMentions(extractMentions([paragraph(t)])),
        1024,
        1 << 12,
      );
      expectLinear(
        `bullet mentions ${JSON.stringify(unit)}`,
        (n) => repeat(unit, n),
        (t) => mergeMentions(extractMentions([bullet(t)])),
        1024,
        1 << 12,
      );
    }
  });

  it('parses whole posts of any mix of shapes in linear time', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 5 }), fc.boolean(), (units, lines) => {
        const unit = units.join('');
        // Lines of ~10k characters stay under the block cap, so growth is in the number of blocks.
        const body = (n: number) => (lines ? repeat(`${repeat(unit, 10_000)}\n`, n) : repeat(unit, n));
        expectLinear(
          `post ${JSON.stringify(unit)}`,
          (n) => `${HEADER}\nThe Big Idea(s) & Core Innovations\n${body(n)}\nUnder the Hood: Models, Datasets, & Benchmarks\n• ${body(n)}`,
          (t) => parseDigestDocument(t),
          8192,
          1 << 17,
        );
      }),
      { numRuns: 6 },
    );
  });
});

describe('the linearity check', () => {
  it('fails a quadratic step', () => {
    // Each character looks at every character before it: n²/2 steps.
    const quadratic = (t: string) => {
      let same = 0;
      for (let i = 0; i < t.length; i++) for (let j = 0; j < i; j++) if (t.charCodeAt(i) === t.charCodeAt(j)) same++;
      return same;
    };
    expect(() => expectLinear('quadratic', (n) => repeat('ab', n), quadratic, 512, 512)).toThrow(/quadratic: n=/);
  });
});

describe('per-post limits', () => {
  it('cuts a post over the size limit with a warning', () => {
    const text = `${HEADER}\nThe Big Idea(s) & Core Innovations\n${repeat('“Ab. ', MAX_POST_CHARS + 1000)}`;
    const d = parseDigestDocument(text).digests[0]!;
    expect(d.warnings.join('\n')).toMatch(/post is 3\.0 million characters long: read the first 3\.0 million characters/);
  });

  it('stops a post that runs out of time with a warning, and keeps what it read', () => {
    // 20,000 paragraphs that name papers take far longer than 20 ms; the header and first lines take microseconds.
    const text = `${HEADER}\nThe Big Idea(s) & Core Innovations\n${'“Sparse Routers for Lifelong Learning” by Ada Park proposes SpaRL, which builds on HADS-Net.\n'.repeat(20_000)}`;
    const d = parseDigestDocument(text, { timeLimitMs: 20 }).digests[0]!;
    expect(d.warnings).toContain('parsing took longer than 20 ms: stopped early, the rest of the post was not read');
    expect(d.date).toBe('2026-02-28');
  });

  it('does not warn when a post is read in time', () => {
    const d = parseDigestDocument(`${HEADER}\nThe Big Idea(s) & Core Innovations\nHADS-Net by Ab Cd proposes FooNet.`).digests[0]!;
    expect(d.warnings.join()).not.toMatch(/took longer|million characters/);
  });
});
