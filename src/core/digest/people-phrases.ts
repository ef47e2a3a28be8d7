import type { Range } from './blocks.ts';
import { DISCOURSE, SUBJECT_VERBS } from './lexicon.ts';
import {
  closingParen,
  hasInstitutionWord,
  isAcronymUnit,
  isPersonLike,
  isPlaceholderAuthor,
  isPlaceholderInstitution,
  type NameList,
  parseNameList,
  wordsOf,
} from './people.ts';
import type { Sentence } from './sentence.ts';
import { type Token, tokenize } from './tokens.ts';

/** Authors and institutions a sentence names, and which way they point. */
export interface PeoplePhrase extends Range {
  readonly authors: readonly string[];
  readonly institutions: readonly string[];
  readonly placeholder: boolean;
  /** 'before': the paper named just before ("X by Naveed and Pauwels"); 'after': the one that follows ("Binchuan Qi (…), in “…”"). */
  readonly points: 'before' | 'after';
  /** Set for "by": the token index of the word "by"/"from". */
  readonly trigger?: number;
  /** A title given in brackets right after the authors: "by Eugène Berta et al. (CalArena: A Large-Scale …)". */
  readonly title?: string;
}

interface Paren extends Range {
  readonly tokens: Token[];
  readonly content: string;
}

function parenAt(s: Sentence, tokenIndex: number): Paren | undefined {
  const t = s.tokens[tokenIndex];
  if (!t?.lead.startsWith('(')) return undefined;
  const close = closingParen(s.text, t.start);
  if (close < 0 || close > s.end) return undefined;
  return { start: t.start, end: close, tokens: tokenize(s.text, t.start + 1, close - 1), content: s.text.slice(t.start + 1, close - 1).trim() };
}

type ParenMeaning =
  | { kind: 'affiliation'; institutions: string[] }
  | { kind: 'authors'; authors: string[]; institutions: string[] }
  | { kind: 'title'; title: string };

/** What a bracket holds: affiliations "(Tongji University, …)", authors "(Benquan Wang et al.)", or a title. */
function readParen(p: Paren): ParenMeaning | undefined {
  const list = parseNameList(p.tokens, 0);
  if (list && list.next === p.tokens.length) {
    if (list.etAl) return { kind: 'authors', authors: list.units.filter((u) => !hasInstitutionWord(u)), institutions: list.units.filter(hasInstitutionWord) };
    if (list.units.some(hasInstitutionWord) || list.units.every((u) => wordsOf(u).length <= 4)) return { kind: 'affiliation', institutions: [...list.units] };
  }
  const words = p.content.split(' ').length;
  if (/^\p{Lu}/u.test(p.content) && (words >= 3 || p.content.includes(': '))) return { kind: 'title', title: p.content.replace(/^paper:\s*/i, '') };
  return undefined;
}

function phrase(
  start: number,
  end: number,
  authors: string[],
  institutions: string[],
  points: 'before' | 'after',
  extra: { trigger?: number; title?: string } = {},
): PeoplePhrase {
  const a = [...new Set(authors)];
  const i = [...new Set(institutions)].filter((x) => !isPlaceholderInstitution(x));
  const placeholder = a.some(isPlaceholderAuthor) || institutions.some(isPlaceholderInstitution);
  return { start, end, authors: a, institutions: i, placeholder, points, ...extra };
}

/** Splits a list into people and organisations, or refuses it (undefined) when it is neither. */
function classify(list: NameList, trigger: 'by' | 'from', paren: ParenMeaning | undefined): { authors: string[]; institutions: string[] } | undefined {
  const units = [...list.units];
  const orgs = units.filter(hasInstitutionWord);
  const people = units.filter((u) => !hasInstitutionWord(u));
  const affiliations = paren?.kind === 'affiliation' ? paren.institutions : paren?.kind === 'authors' ? paren.institutions : [];
  if (list.etAl) return { authors: people, institutions: [...orgs, ...affiliations] };
  if (paren?.kind === 'affiliation' && people.length > 0 && people.every(isPersonLike)) return { authors: people, institutions: [...orgs, ...affiliations] };
  if (orgs.length > 0) return { authors: [], institutions: units };
  if (trigger === 'by' && units.every(isPersonLike)) return { authors: units, institutions: affiliations };
  if (units.every(isAcronymUnit)) return { authors: [], institutions: units };
  return undefined;
}

function isClauseStart(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  if (/[,:;]$/.test(prev.trail)) return true;
  return prev.trail === '' && (prev.core === 'while' || prev.core === 'whereas' || prev.core === 'but');
}

function verbFollows(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.lead !== '') return false;
  if (SUBJECT_VERBS.has(t.core) || t.core === 'in') return true;
  const after = tokens[i + 1];
  return (
    (t.core === 'respectively' || t.core === 'also' || t.core === 'further' || t.core === 'jointly') && after !== undefined && SUBJECT_VERBS.has(after.core)
  );
}

/**
 * Finds who wrote what: "by X", "from X", "X et al. (…)" / "X (affiliations)" opening a clause,
 * and brackets holding affiliations or authors. Linear in the sentence's tokens (each list is
 * capped at 40 tokens).
 */
export function findPeople(s: Sentence): PeoplePhrase[] {
  const out: PeoplePhrase[] = [];
  const tokens = s.tokens;
  let covered = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i <= covered) continue;
    const t = tokens[i]!;
    const trigger = t.lead === '' && t.trail === '' && (t.core === 'by' || t.core === 'from') ? t.core : undefined;
    if (trigger) {
      const list = parseNameList(tokens, i + 1);
      // "from MEDNA-DFM: A Dual-View …": a colon makes it a title, not an affiliation.
      if (!list || tokens[list.next - 1]!.trail.startsWith(':')) continue;
      const p = parenAt(s, list.next);
      const meaning = p ? readParen(p) : undefined;
      const people = classify(list, trigger, meaning);
      if (!people) continue;
      const attached = meaning && meaning.kind !== 'title' ? p : undefined;
      const title = meaning?.kind === 'title' && list.etAl ? meaning.title : undefined;
      const end = attached ? attached.end : list.end;
      out.push(phrase(t.start, end, people.authors, people.institutions, 'before', title ? { trigger: i, title } : { trigger: i }));
      covered = attached ? lastTokenBefore(tokens, attached.end, list.next) : list.next - 1;
      continue;
    }
    if (t.lead.startsWith('(')) {
      const p = parenAt(s, i);
      const meaning = p ? readParen(p) : undefined;
      if (p && meaning && meaning.kind !== 'title' && (meaning.kind === 'authors' || meaning.institutions.some(hasInstitutionWord))) {
        out.push(phrase(p.start, p.end, meaning.kind === 'authors' ? meaning.authors : [], meaning.institutions, 'before'));
        covered = lastTokenBefore(tokens, p.end, i);
      }
      continue;
    }
    const initial = /^\p{Lu}$/u.test(t.core) && t.trail === '.';
    if (!isClauseStart(tokens, i) || t.lead !== '' || (!initial && DISCOURSE.has(t.core.toLowerCase()))) continue;
    const list = parseNameList(tokens, i, true);
    // "QiaoTing and Ncepu Team (NCEPU) introduce …": people, possibly with an organisation among them.
    if (!list?.units.some(isPersonLike) || !list.units.every((u) => isPersonLike(u) || hasInstitutionWord(u))) continue;
    const p = parenAt(s, list.next);
    const meaning = p ? readParen(p) : undefined;
    const affiliation = meaning?.kind === 'affiliation' ? meaning : undefined;
    const next = affiliation ? lastTokenBefore(tokens, p!.end, list.next) + 1 : list.next;
    const twoWords = list.units.every((u) => wordsOf(u).length >= 2);
    const persons = list.units.filter(isPersonLike);
    const orgs = list.units.filter((u) => !isPersonLike(u));
    if (!(list.etAl || affiliation || (twoWords && verbFollows(tokens, next)))) continue;
    const title = meaning?.kind === 'title' ? meaning.title : undefined;
    out.push(
      phrase(
        list.start,
        affiliation ? p!.end : list.end,
        persons,
        [...orgs, ...(affiliation ? affiliation.institutions : [])],
        'after',
        title ? { title } : {},
      ),
    );
    covered = next - 1;
  }
  // "[various affiliations]": nothing to name, but the paper's people are placeholders.
  const text = s.text.slice(s.start, s.end);
  const at = text.toLowerCase().indexOf('[various affiliations]');
  if (at >= 0) out.push({ start: s.start + at, end: s.start + at + 22, authors: [], institutions: [], placeholder: true, points: 'before' });
  return out.sort((a, b) => a.start - b.start);
}

function lastTokenBefore(tokens: readonly Token[], end: number, from: number): number {
  let k = from;
  while (k < tokens.length && tokens[k]!.start < end) k++;
  return k - 1;
}
