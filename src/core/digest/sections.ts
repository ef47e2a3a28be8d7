import type { Block } from './blocks.ts';
import { isChrome, isEndMarker } from './chrome.ts';
import { type Header, parseHeader } from './header.ts';
import { leadClause } from './lead-clause.ts';
import type { Section, Theme } from './types.ts';

/** One block placed in the post's structure. */
export interface Part {
  readonly block: Block;
  readonly section: Section;
  readonly theme?: number;
  /** An Under the Hood bullet: one paper per bullet. */
  readonly bullet: boolean;
}

export interface Structure {
  /** The line before the header (the plain-text form repeats the page title there). */
  readonly title?: string;
  readonly header?: Header;
  readonly headerText?: string;
  readonly intro: string;
  readonly themes: Theme[];
  readonly parts: Part[];
  readonly sectionsFound: number;
  readonly warnings: string[];
}

const HEADER_WINDOW = 15;

function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/&amp;/g, '&')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

/** Which section a heading opens, matched leniently (case, `&amp;`, punctuation, subtitles). */
export function sectionOf(b: Block): Section | undefined {
  if (b.text.length > 140) return undefined;
  // A sentence is not a heading, even one that starts like one ("Under the hood, …").
  if (b.kind !== 'heading' && /[.!?]$/.test(b.text) && b.text.length > 40) return undefined;
  const n = normal(b.text).replace(/^the /, '');
  if (n.startsWith('big idea') || n.startsWith('core innovation') || n.startsWith('key innovation')) return 'bigIdeas';
  if (n.startsWith('under the hood') || /^models? (?:&|and )?datasets/.test(n)) return 'underTheHood';
  if (n.startsWith('impact') || n.startsWith('road ahead') || n.startsWith('looking ahead')) return 'impact';
  return undefined;
}

function isCategory(items: readonly Block[], i: number): boolean {
  const b = items[i]!;
  const next = items[i + 1];
  if (next && next.kind === 'item' && next.depth > b.depth) return true;
  return b.text.endsWith(':') && b.text.length <= 100 && b.links.length === 0;
}

function dropChrome(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let started = false;
  for (const b of blocks) {
    if (started && isEndMarker(b.text)) break;
    if (isChrome(b.text)) continue;
    if (!started && (parseHeader(b.text) || sectionOf(b))) started = true;
    out.push(b);
  }
  return out;
}

/**
 * Places blocks in the post's structure: title line, header, intro, then the three sections.
 * Big Ideas paragraphs become themes; so do Under the Hood category bullets, empty ones included
 * (they are part of the post's outline; a UI may hide those with an empty summary).
 */
export function structure(input: readonly Block[]): Structure {
  const blocks = dropChrome(input);
  const warnings: string[] = [];
  let headerAt = -1;
  let header: Header | undefined;
  for (let i = 0; i < Math.min(blocks.length, HEADER_WINDOW); i++) {
    header = parseHeader(blocks[i]!.text);
    if (header) {
      headerAt = i;
      break;
    }
  }
  const before = headerAt > 0 ? blocks[headerAt - 1] : undefined;
  const title = before && before.text.length <= 250 && !sectionOf(before) ? before.text : undefined;
  const themes: Theme[] = [];
  const parts: Part[] = [];
  const intro: string[] = [];
  let section: Section | undefined;
  let sectionsFound = 0;
  let theme: number | undefined;
  let category: { theme: number; depth: number; nested: boolean } | undefined;
  // A category's summary is its bullets joined, built once at the end.
  const bulletsOf = new Map<number, string[]>();
  const rest = blocks.slice(headerAt + 1);
  const hasSections = rest.some((b) => sectionOf(b) !== undefined);
  if (!hasSections) warnings.push('no section headings found: read paragraphs as Big Ideas and bullets as Under the Hood');
  for (let i = 0; i < rest.length; i++) {
    const b = rest[i]!;
    const opened = sectionOf(b);
    if (opened) {
      section = opened;
      sectionsFound++;
      theme = undefined;
      category = undefined;
      continue;
    }
    if (b.kind === 'heading') continue;
    if (!hasSections) {
      // No outline: the first paragraph is the intro, later paragraphs themes, bullets papers.
      if (intro.length === 0 && b.kind === 'paragraph') {
        intro.push(b.text);
        continue;
      }
      section = b.kind === 'item' ? 'underTheHood' : 'bigIdeas';
    }
    if (section === undefined) {
      if (b.kind === 'paragraph' || b.kind === 'item') intro.push(b.text);
      continue;
    }
    if (section === 'bigIdeas') {
      if (b.kind === 'paragraph') {
        theme = themes.push(themeOf(b)) - 1;
      }
      parts.push({ block: b, section, ...(theme === undefined ? {} : { theme }), bullet: false });
      continue;
    }
    if (section === 'underTheHood' && b.kind === 'item') {
      // Nested categories end at the next bullet as shallow as they are; flat ones at the next category.
      if (category?.nested && b.depth <= category.depth) category = undefined;
      if (isCategory(rest, i)) {
        const name = b.text.replace(/:$/, '').trim();
        const t = themes.push({ title: name.length > 80 ? leadClause(name) : name, summary: '', section: 'underTheHood' }) - 1;
        bulletsOf.set(t, []);
        const next = rest[i + 1];
        category = { theme: t, depth: b.depth, nested: next !== undefined && next.kind === 'item' && next.depth > b.depth };
        continue;
      }
      if (category) bulletsOf.get(category.theme)!.push(b.text);
      parts.push({ block: b, section, ...(category ? { theme: category.theme } : {}), bullet: true });
      continue;
    }
    parts.push({ block: b, section, bullet: false });
  }
  for (const [t, bullets] of bulletsOf) themes[t] = { ...themes[t]!, summary: bullets.join('\n') };
  if (headerAt < 0) warnings.push('no header line ("Latest N papers on …")');
  return {
    ...(title ? { title } : {}),
    ...(header ? { header, headerText: blocks[headerAt]!.text } : {}),
    intro: intro.join('\n\n'),
    themes,
    parts,
    sectionsFound,
    warnings,
  };
}

function themeOf(b: Block): Theme {
  const keyPhrases = [...new Set(b.strong.map((r) => b.text.slice(r.start, r.end).trim()).filter((p) => p !== ''))];
  return { title: leadClause(b.text), summary: b.text, section: 'bigIdeas', ...(keyPhrases.length > 0 ? { keyPhrases } : {}) };
}
