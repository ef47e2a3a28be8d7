import { type Block, capBlocks, MAX_BLOCK_CHARS, MAX_BLOCKS } from './blocks.ts';
import { timeUp } from './limits.ts';
import { findTextLinks } from './text-links.ts';

// Bullets seen in extracted text: `•` (nested by 2 or 4 spaces), `- `, and the usual others.
const BULLET = /^(?:[•◦▪‣●○■·*\-–]|\d{1,2}[.)])[ \t\u00a0]+/;
const MAX_JOINED = 3;

interface Line {
  readonly indent: number;
  readonly bullet: boolean;
  readonly text: string;
}

function readLine(raw: string): Line | undefined {
  let indent = 0;
  let i = 0;
  for (; i < raw.length; i++) {
    const c = raw[i];
    if (c === ' ' || c === '\u00a0') indent++;
    else if (c === '\t') indent += 4;
    else break;
  }
  const rest = raw.slice(i).trimEnd();
  if (rest === '') return undefined;
  const b = BULLET.exec(rest);
  if (!b) return { indent, bullet: false, text: collapse(rest) };
  const text = collapse(rest.slice(b[0].length));
  return text === '' ? undefined : { indent, bullet: true, text };
}

/** What `\s` matches. */
function isWhitespace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Runs of whitespace → one space, trimmed: `s.replace(/\s+/g, ' ').trim()` in one pass that copies only where something changes. */
export function collapse(s: string): string {
  const parts: string[] = [];
  let from = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!isWhitespace(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < s.length && isWhitespace(s.charCodeAt(end))) end++;
    // A single plain space stays where it is; anything else is cut and joined with one space.
    if (c !== 32 || end - i > 1 || i === 0 || end === s.length) {
      parts.push(s.slice(from, i));
      from = end;
      if (i > 0 && end < s.length) parts.push(' ');
    }
    i = end;
  }
  if (from === 0) return s;
  parts.push(s.slice(from));
  return parts.join('');
}

/** Open-parenthesis count left after the text, starting from `depth`. */
function parenDepth(text: string, depth: number): number {
  let d = depth;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) d++;
    else if (c === 41 && d > 0) d--;
  }
  return d;
}

/** True when a bullet's name starts at `at`: a few words, then `: ` (as in `SF3D-RGB: An …`). */
function bulletNameAt(text: string, at: number): boolean {
  const first = text[at];
  if (first === undefined || !/[\p{Lu}\p{N}“"]/u.test(first)) return false;
  const limit = Math.min(text.length, at + 80);
  let words = 1;
  for (let i = at; i < limit; i++) {
    const c = text[i];
    if (c === ':') return i + 1 >= text.length || text[i + 1] === ' ';
    if (c === ' ') words++;
    if (words > 8 || (c === '.' && text[i + 1] === ' ')) return false;
  }
  return false;
}

/**
 * Splits bullets that extraction ran together on one line: `…Reality) - BigMaQ Dataset: …` or
 * `…22284). - SF3D-RGB: …`. Only after a closing bracket or full stop and before a bullet's name,
 * so a dash inside a sentence stays. Linear: each separator is found once (the next ` - ` and the
 * next ` • ` are remembered, not searched for again at every step), and at most `maxParts` parts
 * are made (the rest stays in the last one, for the block caps to cut).
 */
export function splitRunTogether(text: string, maxParts = MAX_BLOCKS + 1): string[] {
  const out: string[] = [];
  let from = 0;
  let search = 0;
  let dash = -2;
  let dot = -2;
  while (out.length < maxParts - 1) {
    if (dash !== -1 && dash < search) dash = text.indexOf(' - ', search);
    if (dot !== -1 && dot < search) dot = text.indexOf(' • ', search);
    const at = dash < 0 ? dot : dot < 0 ? dash : Math.min(dash, dot);
    if (at < 0) break;
    search = at + 3;
    const before = text.slice(Math.max(from, at - 1), at);
    const isDot = text[at + 1] === '•';
    if (!isDot && !(before === ')' || before === '.' || before === ']')) continue;
    if (!bulletNameAt(text, at + 3)) continue;
    const part = text.slice(from, at).trim();
    if (part !== '') out.push(part);
    from = at + 3;
  }
  const rest = text.slice(from).trim();
  if (rest !== '') out.push(rest);
  return out;
}

/** Reads the plain-text form of a post (one paragraph or bullet a line) into blocks. */
export function blocksFromText(input: string, warnings: string[]): Block[] {
  const raw = input.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  const indents: number[] = [];
  // Out of time, the lines read so far still make a post (the header and the first sections).
  for (let i = 0; i < raw.length && blocks.length <= MAX_BLOCKS && !(blocks.length > 0 && timeUp()); i++) {
    const line = readLine(raw[i]!);
    if (!line) continue;
    let text = line.text;
    // A line wrapped inside a parenthesis (`(Paper:` then the title on the next line): rejoin
    // when the following lines close it.
    let depth = parenDepth(text, 0);
    for (let joined = 0; depth > 0 && joined < MAX_JOINED; joined++) {
      const next = raw[i + 1] === undefined ? undefined : readLine(raw[i + 1]!);
      if (!next || next.bullet) break;
      const after = parenDepth(next.text, depth);
      if (after >= depth) break;
      text = `${text} ${next.text}`;
      depth = after;
      i++;
    }
    if (!line.bullet) {
      indents.length = 0;
      blocks.push(textBlock('paragraph', 0, text));
      continue;
    }
    while (indents.length > 0 && indents.at(-1)! > line.indent) indents.pop();
    if (indents.length === 0 || indents.at(-1)! < line.indent) indents.push(line.indent);
    const itemDepth = indents.length - 1;
    for (const part of splitRunTogether(text, MAX_BLOCKS + 1 - blocks.length)) blocks.push(textBlock('item', itemDepth, part));
  }
  return capBlocks(blocks, warnings);
}

function textBlock(kind: 'paragraph' | 'item', depth: number, full: string): Block {
  // capBlocks cuts the text anyway: one character over the cap is kept so it still warns.
  const text = full.length > MAX_BLOCK_CHARS ? full.slice(0, MAX_BLOCK_CHARS + 1) : full;
  return { kind, depth, text, links: findTextLinks(text), em: [], strong: [] };
}
