import type { Block, BlockLink, Range } from './blocks.ts';
import { splitSentences } from './sentences.ts';
import { type Token, tokenize } from './tokens.ts';

/** One sentence of a block, with the block's text and the links and emphasis that fall inside it. */
export interface Sentence extends Range {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly links: readonly BlockLink[];
  readonly em: readonly Range[];
}

function inside(r: Range, s: Range): boolean {
  return r.start >= s.start && r.start < s.end;
}

export function sentencesOf(b: Block): Sentence[] {
  const ranges = splitSentences(b.text);
  // Links and emphasis are few and sorted; a moving cursor keeps this linear.
  let li = 0;
  let ei = 0;
  return ranges.map((r) => {
    const links: BlockLink[] = [];
    const em: Range[] = [];
    while (li < b.links.length && b.links[li]!.start < r.end) {
      if (inside(b.links[li]!, r)) links.push(b.links[li]!);
      li++;
    }
    while (ei < b.em.length && b.em[ei]!.start < r.end) {
      if (inside(b.em[ei]!, r)) em.push(b.em[ei]!);
      ei++;
    }
    return { ...r, text: b.text, tokens: tokenize(b.text, r.start, r.end), links, em };
  });
}

export function sentenceText(s: Sentence): string {
  return s.text.slice(s.start, s.end);
}
