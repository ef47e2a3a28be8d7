import type { Range } from './blocks.ts';
import { classifyLink } from './code-links.ts';
import { cleanTitle } from './names.ts';
import { isPlaceholderAuthor } from './people.ts';
import type { PeoplePhrase } from './people-phrases.ts';
import type { RawMention } from './raw-mention.ts';
import type { Sentence } from './sentence.ts';

export function addPeople(m: RawMention, p: PeoplePhrase): void {
  m.authors.push(...p.authors);
  m.institutions.push(...p.institutions);
  if (p.placeholder || p.authors.some(isPlaceholderAuthor)) m.placeholder = true;
}

export function addLink(m: RawMention, s: Sentence, link: { href: string; text: string; start: number }): void {
  const cls = classifyLink(link.href, s.text.slice(Math.max(0, link.start - 60), link.start), link.text);
  if (cls.kind === 'arxiv') m.arxivId ??= cls.id;
  else if (cls.kind === 'code') m.codeUrls.push(cls.link);
}

/** SciPapermill sets institutions in italics; a long italic run is emphasis or a title instead. */
export function isInstitutionEm(s: Sentence, r: Range): boolean {
  const text = emText(s, r);
  return text !== '' && /^[\p{Lu}\p{N}]/u.test(text) && text.split(' ').length <= 12;
}

export function emText(s: Sentence, r: Range): string {
  return cleanTitle(s.text.slice(r.start, r.end));
}

export function inside(r: Range, a: Range): boolean {
  return r.start >= a.start && r.end <= a.end;
}

export function overlaps(r: Range, a: Range): boolean {
  return r.start < a.end && a.start < r.end;
}
