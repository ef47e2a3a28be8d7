/**
 * The popup's answer to what was typed or pasted: the paper a pasted id or address names first
 * (src/core/search/reference.ts), then the ranked results, each with why it matched when its title
 * does not show it, and how many match in all.
 */

import { type ArxivId, arxivAbsUrl } from '../../core/ids/arxiv-id.ts';
import type { DigestRecord, PaperRecord } from '../../core/index/types.ts';
import type { SearchAnswer, SearchResult } from '../../core/search/answer.ts';
import { paperDoc } from '../../core/search/document.ts';
import type { SearchHit } from '../../core/search/match.ts';
import { parseQuery, queryNotes } from '../../core/search/query.ts';
import { pastedReference, referenceLabel } from '../../core/search/reference.ts';
import { type MatchReason, reasonFor, unexplained } from '../../core/search/why.ts';
import { readPaper } from '../paper-rows.ts';
import type { DB } from '../schema.ts';
import { searchPageIn } from '../search/index.ts';
import { findPapersIn } from './lookup.ts';

export interface AnsweredHit {
  readonly hit: SearchHit;
  readonly why?: MatchReason;
  /** Named by the pasted id or address. */
  readonly pasted?: boolean;
}

export interface PopupAnswer {
  readonly hits: readonly AnsweredHit[];
  /** Matches in all (the pasted paper included); a bound when not `exact` (a lower one with `atLeast`). */
  readonly total: number;
  readonly exact: boolean;
  readonly atLeast?: boolean;
  /** What was pasted, as it reads ("arXiv 2602.22544"), and how many papers it named. */
  readonly reference?: { readonly label: string; readonly found: number };
}

export interface AnswerOptions {
  /** False in an extension page: an index that does not agree with the records throws IndexNotCurrent. */
  readonly fromRecords?: boolean;
}

// "Show more" asks again for more; past this the reader refines the query.
const MAX_LIMIT = 1000;

/** The popup's answer as display data, wherever it is computed (the worker, or the popup itself). */
export async function searchAnswerIn(db: DB, text: string, limit: number, options: AnswerOptions = {}): Promise<SearchAnswer> {
  const started = performance.now();
  const answer = await answerQuery(db, text, Math.min(Math.max(Math.trunc(limit) || 30, 1), MAX_LIMIT), options);
  const results = answer.hits.map(({ hit: { doc, matched }, why, pasted }): SearchResult => {
    // A paper opens its arXiv page, or without an id the digest that names it; a digest itself.
    const href = doc.arxivId ? arxivAbsUrl(doc.arxivId as ArxivId) : doc.url;
    return {
      kind: doc.kind,
      key: doc.key,
      title: doc.title,
      ...(doc.name ? { name: doc.name } : {}),
      ...(doc.arxivId ? { arxivId: doc.arxivId } : {}),
      topic: doc.topics[0] ?? '',
      date: doc.date,
      hasCode: doc.hasCode,
      ...(href ? { href } : {}),
      matched,
      ...(why ? { why } : {}),
      ...(pasted ? { pasted } : {}),
    };
  });
  const notes = queryNotes(text);
  return {
    results,
    total: answer.total,
    exact: answer.exact,
    ...(answer.atLeast ? { atLeast: true } : {}),
    ...(answer.reference ? { reference: answer.reference } : {}),
    ...(notes.length ? { notes } : {}),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

export async function answerQuery(db: DB, text: string, limit: number, options: AnswerOptions = {}): Promise<PopupAnswer> {
  const ref = pastedReference(text);
  const named: AnsweredHit[] = [];
  if (ref) {
    const { own, cited } = await findPapersIn(db, ref);
    const label = referenceLabel(ref);
    for (const p of [...own, ...cited]) {
      const doc = paperDoc(p);
      named.push({
        hit: { doc, score: Infinity, matched: [] },
        pasted: true,
        why: { label: own.includes(p) ? (ref.kind === 'arxiv' ? 'by its id' : 'by its code') : 'cites it as code', text: label },
      });
    }
  }
  // An address's words (arxiv, org, abs…) name nothing: the words searched are the id's, which
  // finds the digests' sentences citing it, or the repository's.
  const words = !ref ? text : ref.kind === 'arxiv' ? `${ref.id} ` : `${ref.owner} ${ref.repo} `;
  const page = await searchPageIn(db, parseQuery(words), limit, options);
  const keys = new Set(named.map((n) => n.hit.doc.key));
  const rest = page.hits.filter((h) => !(h.doc.kind === 'paper' && keys.has(h.doc.key)));
  const whys = await reasonsFor(db, rest);
  const hits = [...named, ...rest.map((hit, i) => ({ hit, ...(whys[i] ? { why: whys[i] } : {}) }))].slice(0, Math.max(limit, named.length));
  return {
    hits,
    total: page.total - (page.hits.length - rest.length) + named.length,
    exact: page.exact,
    ...(page.atLeast ? { atLeast: true } : {}),
    ...(ref ? { reference: { label: referenceLabel(ref), found: named.length } } : {}),
  };
}

/** Each hit's reason, reading (in one transaction) only the records whose title does not explain them. */
async function reasonsFor(db: DB, hits: readonly SearchHit[]): Promise<(MatchReason | undefined)[]> {
  const need = hits.map((h) => unexplained(h).length > 0);
  if (!need.some(Boolean)) return hits.map(() => undefined);
  const tx = db.transaction(['papers', 'digests']);
  const records = await Promise.all(
    hits.map((h, i): Promise<PaperRecord | DigestRecord | undefined> | undefined =>
      !need[i] ? undefined : h.doc.kind === 'paper' ? readPaper(tx.objectStore('papers'), h.doc.key) : tx.objectStore('digests').get(h.doc.key),
    ),
  );
  return hits.map((h, i) => (need[i] ? reasonFor(h, records[i]) : undefined));
}
