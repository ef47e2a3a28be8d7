import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../digest/types.ts';
import { addDigest } from './add-digest.ts';
import { compactText } from './compact-text.ts';
import { MemoryStore } from './memory-store.ts';

// Text cut from a post holding one character beyond Latin-1: V8 holds the cut at two bytes a character.
const post = `${'Plain ASCII words of a digest sentence. '.repeat(4)}Xi’an Jiaotong`;
const cut = post.slice(0, 120);

describe('compactText', () => {
  it('stores plain text cut from a wider post at one byte a character', () => {
    expect(serialize(cut).length).toBeGreaterThan(2 * 120);
    expect(serialize(compactText(cut)).length).toBeLessThan(130);
    expect(compactText(cut)).toBe(cut);
  });

  it('keeps text beyond Latin-1 and the shape of the value exactly', () => {
    const value = { a: [cut, post], b: { c: 'Xi’an — “quoted”', n: 3, t: true } };
    expect(compactText(value)).toEqual(value);
  });

  it('is what addDigest stores', async () => {
    const digest: Digest = {
      id: 'example.org:1',
      url: 'https://example.org/1',
      source: 'example.org',
      format: 'text',
      title: post.slice(0, 40),
      topic: 'deep learning',
      date: '2026-01-03',
      paperCount: 1,
      intro: cut,
      themes: [],
      papers: [
        {
          name: post.slice(0, 14),
          title: post.slice(0, 60),
          codeUrls: [],
          datasets: [],
          institutions: [post.slice(160)],
          authors: [],
          placeholderAuthors: false,
          section: 'bigIdeas',
          sections: ['bigIdeas'],
          context: cut,
          contexts: [{ section: 'bigIdeas', text: cut }],
        },
      ],
      warnings: [],
      parserVersion: 1,
    };
    const store = new MemoryStore();
    await addDigest(store, digest);
    const [paper] = [...store.papers.values()];
    expect(paper!.mentions[0]!.contexts[0]!.text).toBe(cut);
    expect(serialize(paper).length).toBeLessThan(serialize(JSON.parse(JSON.stringify(paper))).length + 1);
    expect(serialize(paper!.mentions[0]!.contexts[0]!.text).length).toBeLessThan(130);
  });
});
