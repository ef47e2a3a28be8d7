import { describe, expect, it } from 'vitest';
import { type Block, block } from './blocks.ts';
import { sectionOf, structure } from './sections.ts';

const h = (text: string) => block('heading', text);
const p = (text: string) => block('paragraph', text);
const li = (text: string, depth = 0) => block('item', text, depth);

describe('sectionOf', () => {
  it('matches the section headings leniently', () => {
    for (const t of [
      'The Big Idea(s) & Core Innovations',
      'The Big Ideas &amp; Core Innovations:',
      'THE BIG IDEAS & CORE INNOVATIONS',
      'The Big Idea(s) & Core Innovations: Remembering Without Replay',
    ]) {
      expect(sectionOf(h(t)), t).toBe('bigIdeas');
    }
    for (const t of ['Under the Hood: Models, Datasets, & Benchmarks', 'Under the Hood: Models, Datasets &amp; Benchmarks', 'Under The Hood'])
      expect(sectionOf(h(t)), t).toBe('underTheHood');
    for (const t of ['Impact & The Road Ahead', 'Impact and the Road Ahead:', 'The Road Ahead']) expect(sectionOf(h(t)), t).toBe('impact');
  });

  it('does not take a sentence for a heading', () => {
    expect(sectionOf(p('Under the hood, these models share a backbone that was trained on far more data than before.'))).toBeUndefined();
    expect(sectionOf(p('Latest 5 papers on x: Jan. 1, 2026'))).toBeUndefined();
  });
});

describe('structure', () => {
  const post: Block[] = [
    p('Loading Now'),
    p('A Title'),
    p('Latest 9 papers on graph learning: Jan. 3, 2026'),
    p('Intro one.'),
    p('The Big Idea(s) & Core Innovations'),
    p('A first big theme: papers. More.'),
    p('Second theme.'),
    p('Under the Hood: Models, Datasets, & Benchmarks'),
    p('These rest on:'),
    li('Medical Imaging Models & Datasets:'),
    li('MKG-CARE uses graphs.', 1),
    li('HADS-Net uses edges.', 1),
    li('Time Series & Graph-Based Learning:'),
    li('Optimization:'),
    li('AMUSE: an optimizer.', 1),
    p('Impact & The Road Ahead'),
    p('Outlook.'),
    p('Share this content:'),
    p('Post Comment'),
    p('A comment that is not part of the post.'),
  ];

  it('finds title, header, intro and sections, and drops chrome', () => {
    const st = structure(post);
    expect(st.title).toBe('A Title');
    expect(st.header).toEqual({ paperCount: 9, topic: 'graph learning', date: '2026-01-03' });
    expect(st.intro).toBe('Intro one.');
    expect(st.sectionsFound).toBe(3);
    expect(st.parts.map((x) => [x.section, x.block.text, x.theme, x.bullet])).toEqual([
      ['bigIdeas', 'A first big theme: papers. More.', 0, false],
      ['bigIdeas', 'Second theme.', 1, false],
      ['underTheHood', 'These rest on:', undefined, false],
      ['underTheHood', 'MKG-CARE uses graphs.', 2, true],
      ['underTheHood', 'HADS-Net uses edges.', 2, true],
      ['underTheHood', 'AMUSE: an optimizer.', 4, true],
      ['impact', 'Outlook.', undefined, false],
    ]);
  });

  it('makes themes of Big Ideas paragraphs and of category bullets, keeping empty categories', () => {
    expect(structure(post).themes).toEqual([
      { title: 'A first big theme', summary: 'A first big theme: papers. More.', section: 'bigIdeas' },
      { title: 'Second theme', summary: 'Second theme.', section: 'bigIdeas' },
      { title: 'Medical Imaging Models & Datasets', summary: 'MKG-CARE uses graphs.\nHADS-Net uses edges.', section: 'underTheHood' },
      { title: 'Time Series & Graph-Based Learning', summary: '', section: 'underTheHood' },
      { title: 'Optimization', summary: 'AMUSE: an optimizer.', section: 'underTheHood' },
    ]);
  });

  it('groups flat bullets under the category bullet before them (dash form)', () => {
    const st = structure([
      p('Latest 2 papers on x: Jan. 1, 2026'),
      p('Under the Hood: Models, Datasets, & Benchmarks'),
      li('Benchmarks for Model Evaluation:'),
      li('CalArena: a benchmark.'),
      li('Novel Architectures & Models:'),
      li('PILOT: an optimizer.'),
    ]);
    expect(st.parts.map((x) => x.theme)).toEqual([0, 1]);
    expect(st.themes.map((t) => t.summary)).toEqual(['CalArena: a benchmark.', 'PILOT: an optimizer.']);
  });

  it('warns and reads on without section headings', () => {
    const st = structure([p('Latest 2 papers on x: Jan. 1, 2026'), p('Intro.'), p('A paragraph about HADS-Net.'), li('AMUSE: bullet.')]);
    expect(st.warnings.join()).toMatch(/no section headings/);
    expect(st.parts.map((x) => x.section)).toEqual(['bigIdeas', 'underTheHood']);
  });
});
