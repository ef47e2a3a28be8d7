/**
 * The neutral form both readers produce: HTML and plain text become the same list of blocks,
 * so one structural parser serves every format.
 */
export type BlockKind = 'heading' | 'paragraph' | 'item';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface BlockLink extends Range {
  readonly href: string;
  /** The linked text as shown; for a URL written out in text, the URL itself. */
  readonly text: string;
}

export interface Block {
  readonly kind: BlockKind;
  /** List nesting for items (0 = top level); 0 otherwise. */
  readonly depth: number;
  /** Whitespace-collapsed plain text. */
  readonly text: string;
  readonly links: readonly BlockLink[];
  /** `<em>`/`<i>` ranges: on SciPapermill these are institutions. */
  readonly em: readonly Range[];
  /** `<strong>`/`<b>` ranges: key phrases. */
  readonly strong: readonly Range[];
}

/** Real posts have a few hundred blocks; the caps keep hostile input linear and small. */
export const MAX_BLOCKS = 5000;
export const MAX_BLOCK_CHARS = 20_000;

export function block(kind: BlockKind, text: string, depth = 0, links: BlockLink[] = []): Block {
  return { kind, depth, text, links, em: [], strong: [] };
}

export function sliceText(b: Block, r: Range): string {
  return b.text.slice(r.start, r.end);
}

/** Applies the caps, noting once when something was dropped. */
export function capBlocks(blocks: Block[], warnings: string[]): Block[] {
  let cut = false;
  const out: Block[] = [];
  for (const b of blocks.length > MAX_BLOCKS ? blocks.slice(0, MAX_BLOCKS) : blocks) {
    if (b.text.length <= MAX_BLOCK_CHARS) {
      out.push(b);
      continue;
    }
    cut = true;
    const inside = (r: Range) => r.end <= MAX_BLOCK_CHARS;
    out.push({
      ...b,
      text: b.text.slice(0, MAX_BLOCK_CHARS),
      links: b.links.filter(inside),
      em: b.em.filter(inside),
      strong: b.strong.filter(inside),
    });
  }
  if (blocks.length > MAX_BLOCKS) warnings.push(`too many blocks: read the first ${MAX_BLOCKS}`);
  if (cut) warnings.push(`overlong paragraph cut to ${MAX_BLOCK_CHARS} characters`);
  return out;
}
