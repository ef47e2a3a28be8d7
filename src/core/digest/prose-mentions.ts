import { introducedNames } from './aliases.ts';
import { type Anchor, resolveAnchors } from './anchors.ts';
import type { Range } from './blocks.ts';
import { findDatasets } from './datasets.ts';
import type { KnownNames } from './known-names.ts';
import { addLink, addPeople, emText, inside, isInstitutionEm, overlaps } from './mention-fill.ts';
import { nameKey } from './names.ts';
import { type RawMention, rawMention } from './raw-mention.ts';
import type { ReadPart, ReadSentence } from './read-part.ts';
import { sentenceText } from './sentence.ts';

// Sentences that go on about the paper the previous one named.
const FOLLOW_UP =
  /^(?:this|these|their|they|it|its|the (?:method|approach|framework|model|paper|work|study|authors|system)|such|here|in addition|additionally|further|furthermore|notably)\b/i;
const MAX_FOLLOW_UPS = 2;

/** The paper a phrase talks about: the one named before it ('before') or after it ('after'). */
function target(anchors: readonly Anchor[], r: Range, points: 'before' | 'after' | 'nearest'): number | undefined {
  let before: number | undefined;
  let after: number | undefined;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    if (a.end <= r.start) before = i;
    else if (a.start >= r.end && after === undefined) after = i;
  }
  if (points === 'before') return before ?? after;
  if (points === 'after') return after ?? before;
  if (before === undefined) return after;
  if (after === undefined) return before;
  return r.start - anchors[before]!.end <= anchors[after]!.start - r.end ? before : after;
}

function contextOf(sentences: readonly ReadSentence[], i: number): string {
  const parts = [sentenceText(sentences[i]!.sentence)];
  for (let k = i + 1; k < sentences.length && k <= i + MAX_FOLLOW_UPS; k++) {
    const next = sentences[k]!;
    const text = sentenceText(next.sentence);
    if (next.anchors.length > 0 || !FOLLOW_UP.test(text)) break;
    parts.push(text);
  }
  return parts.join(' ');
}

/** Prose names several papers: each phrase goes to the paper it points at within its sentence. */
export function proseMentions(read: ReadPart, known: KnownNames, next: () => number): RawMention[] {
  const out: RawMention[] = [];
  const { part, sentences } = read;
  const withKnown = sentences.map((rs) => ({ ...rs, anchors: resolveAnchors([...rs.anchors, ...known.find(rs.sentence)]) }));
  withKnown.forEach(({ sentence: s, people, anchors }, si) => {
    if (anchors.length === 0) return;
    const context = contextOf(withKnown, si);
    const ms = anchors.map((a) => {
      const m = rawMention(a.name, part.section, context, next(), part.theme);
      if (a.title) m.title = a.title;
      if (a.arxivId) m.arxivId = a.arxivId;
      m.weak = a.weak === true;
      return m;
    });
    for (const p of people) {
      if (anchors.some((a) => inside(p, a))) continue;
      const t = target(anchors, p, p.points);
      if (t !== undefined) addPeople(ms[t]!, p);
    }
    // Italics inside a linked or quoted title are the title's, not an institution.
    for (const r of s.em) {
      if (anchors.some((a) => overlaps(r, a)) || !isInstitutionEm(s, r)) continue;
      const t = target(anchors, r, 'nearest');
      if (t !== undefined) ms[t]!.institutions.push(emText(s, r));
    }
    for (const link of s.links) {
      const holder = anchors.findIndex((a) => inside(link, a));
      if (holder >= 0 && (anchors[holder]!.kind === 'link' || anchors[holder]!.kind === 'paren')) continue;
      const t = holder >= 0 ? holder : target(anchors, link, 'before');
      if (t !== undefined) addLink(ms[t]!, s, link);
    }
    for (const d of findDatasets(s)) {
      if (anchors.some((a) => overlaps(d, a))) continue;
      const t = target(anchors, d, 'before');
      if (t !== undefined) ms[t]!.datasets.push(...d.names);
    }
    const aliases = introducedNames(s, anchors, people);
    for (const [ni, ti] of aliases) fold(ms[ni]!, ms[ti]!);
    out.push(...ms.filter((_, i) => !aliases.has(i)));
  });
  return out;
}

/** The name a titled paper's sentence introduced becomes its short name (or an alias when it has one). */
function fold(alias: RawMention, paper: RawMention): void {
  if (paper.name === paper.title || nameKey(paper.name) === nameKey(alias.name)) {
    paper.name = alias.name;
    paper.introduced = true;
  } else {
    paper.aliases.push(alias.name);
  }
  paper.aliases.push(...alias.aliases);
  paper.codeUrls.push(...alias.codeUrls);
  paper.datasets.push(...alias.datasets);
  paper.authors.push(...alias.authors);
  paper.institutions.push(...alias.institutions);
  paper.placeholder ||= alias.placeholder;
  if (paper.arxivId === undefined && alias.arxivId !== undefined) paper.arxivId = alias.arxivId;
}
