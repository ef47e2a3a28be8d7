// The two real WordPress REST responses, whose content.rendered stops mid-HTML. Expected values
// read by hand from the JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigestDocument } from './index.ts';

const SAMPLES = join(import.meta.dirname, '../../../tests/fixtures/samples');

function sample(file: string) {
  const result = parseDigestDocument(readFileSync(join(SAMPLES, file), 'utf8'));
  expect(result.errors).toEqual([]);
  return result.digests[0]!;
}

describe('wp-json-post-5804.json', () => {
  const d = sample('wp-json-post-5804.json');

  it('reads the post’s metadata and header', () => {
    expect(d).toMatchObject({
      id: 'scipapermill.com:5804',
      url: 'https://scipapermill.com/index.php/2026/02/21/federated-learning-charting-new-horizons-in-privacy-efficiency-and-intelligence/',
      source: 'scipapermill.com',
      format: 'wordpress',
      title: 'Federated Learning: Charting New Horizons in Privacy, Efficiency, and Intelligence',
      topic: 'federated learning',
      date: '2026-02-21',
      modified: '2026-02-21T03:59:02Z',
      paperCount: 63,
    });
    expect(d.intro).toContain('enhancing FL’s robustness');
    expect(d.warnings.join()).toMatch(/truncated/);
  });

  it('reads the linked title, its placeholder authors and its institutions', () => {
    expect(d.papers).toHaveLength(1);
    expect(d.papers[0]).toMatchObject({
      title: 'Guarding the Middle: Protecting Intermediate Representations in Federated Split Learning',
      arxivId: '2602.17614',
      placeholderAuthors: true,
      institutions: ['University of Toronto', 'Stanford University'],
      section: 'bigIdeas',
    });
  });

  it('keeps the <strong> key phrases on the theme', () => {
    expect(d.themes[0]!.keyPhrases).toEqual([
      'bolstering security and privacy',
      'optimizing communication and computational efficiency',
      'adapting to data and device heterogeneity',
      'integrating with advanced AI models like LLMs and AGI',
    ]);
  });
});

describe('wp-json-post-6574.json', () => {
  const d = sample('wp-json-post-6574.json');

  it('reads the post’s metadata and header', () => {
    expect(d).toMatchObject({
      id: 'scipapermill.com:6574',
      title: 'Catastrophic Forgetting No More: The Latest Breakthroughs in Continual Learning',
      topic: 'catastrophic forgetting',
      date: '2026-04-18',
      modified: '2026-04-18T06:00:27Z',
      paperCount: 41,
    });
    expect(d.intro).toContain('Achilles’ heel');
  });

  it('reads the linked title and the <em> institutions', () => {
    expect(d.papers).toHaveLength(1);
    expect(d.papers[0]).toMatchObject({
      name: 'AIM',
      title: 'AIM: Asymmetric Information Masking for Visual Question Answering Continual Learning',
      arxivId: '2604.14779',
      institutions: ['Sun Yat-Sen University', 'National Supercomputing Center in Shenzhen'],
    });
  });
});
