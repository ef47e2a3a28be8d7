import { isPeopleList } from './anchors-linked.ts';
import { findDatasets } from './datasets.ts';
import { leadClause } from './lead-clause.ts';
import { isCapitalised, isNameLike } from './lexicon.ts';
import { addLink, addPeople, emText, isInstitutionEm, overlaps } from './mention-fill.ts';
import { cleanTitle, shortNameOf, withoutBrackets } from './names.ts';
import { closingParen } from './people.ts';
import { type RawMention, rawMention } from './raw-mention.ts';
import type { BulletHead, ReadPart } from './read-part.ts';
import { tokenize } from './tokens.ts';

/** A bullet's name: before its colon, its quoted title, or the short name it opens with. */
export function bulletHead(text: string): BulletHead {
  const first = text[0];
  if (first === '“' || first === '"') {
    const close = text.indexOf(first === '“' ? '”' : '"', 1);
    if (close > 1 && close < 400) {
      const title = cleanTitle(text.slice(1, close));
      return { name: shortNameOf(title) ?? title, title, end: close + 1 };
    }
  }
  const colon = text.indexOf(': ');
  const head = colon > 0 && colon < 120 ? text.slice(0, colon).trim() : '';
  if (head !== '' && isPeopleList(head)) {
    const rest = text.slice(colon + 2);
    return { name: leadClause(rest), end: colon + 1, authors: head.split(/,\s*(?:and\s+)?|\s+and\s+/).filter((a) => a !== '' && a !== 'et al.') };
  }
  if (head !== '' && head.split(' ').length <= 12 && !head.includes('. ')) {
    const plain = withoutBrackets(head);
    // "PILOT (Policy-Informed Learned Optimization)" is PILOT; "Trust the Prior (or Not)" stays whole.
    return { name: plain !== '' && !plain.includes(' ') && plain !== head ? plain : head, end: colon + 1 };
  }
  const tokens = tokenize(text, 0, Math.min(text.length, 200));
  const run: string[] = [];
  for (const t of tokens) {
    if (run.length >= 6 || t.lead !== '' || !(isCapitalised(t.core) || isNameLike(t.core))) break;
    run.push(t.core);
    if (t.trail !== '') break;
  }
  if (run.length > 0 && (isNameLike(run[0]!) || run.length >= 2)) return { name: run.join(' '), end: 0 };
  return { name: leadClause(text), end: 0 };
}

/** "(Paper: OSDaR-AR: Enhancing Railway Perception …)" without an address. */
function paperParen(text: string): string | undefined {
  const at = text.search(/\(\s*paper\s*:/i);
  if (at < 0) return undefined;
  const close = closingParen(text, at);
  const inner = text.slice(text.indexOf(':', at) + 1, close > 0 ? close - 1 : undefined).trim();
  return inner.length > 0 && inner.length < 400 ? inner.split(/,\s*https?:\/\//)[0] : undefined;
}

/** A bullet names one paper: everything in it belongs to that paper. */
export function bulletMention(read: ReadPart, order: number): RawMention {
  const { part, sentences } = read;
  const head = read.head!;
  const m = rawMention(head.name, part.section, part.block.text, order, part.theme);
  if (head.authors) m.authors.push(...head.authors);
  let title = head.title;
  let named: string | undefined;
  for (const { sentence, people, anchors } of sentences) {
    for (const p of people) {
      if (p.start < head.end) continue;
      addPeople(m, p);
      title ??= p.title;
    }
    for (const a of anchors) {
      if (a.kind === 'paren' || a.kind === 'link' || a.kind === 'quote') {
        if (a.title && !title) title = a.title;
        if (a.arxivId) m.arxivId ??= a.arxivId;
      }
      if (head.authors && !a.title && !a.weak && a.start >= head.end) named ??= a.name;
    }
    for (const link of sentence.links) addLink(m, sentence, link);
    for (const r of sentence.em) {
      if (r.start >= head.end && isInstitutionEm(sentence, r)) m.institutions.push(emText(sentence, r));
    }
    for (const d of findDatasets(sentence)) {
      if (anchors.some((a) => (a.kind === 'quote' || a.kind === 'link' || a.kind === 'paren') && overlaps(d, a))) continue;
      m.datasets.push(...d.names);
    }
  }
  title ??= paperParen(part.block.text);
  if (title) m.title = cleanTitle(title);
  // A bullet that opens with its authors is named by what it introduces or by its title.
  if (head.authors) m.name = named ?? (m.title ? (shortNameOf(m.title) ?? m.title) : head.name);
  return m;
}
