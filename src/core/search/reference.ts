/**
 * What a reader pastes into the search box instead of words: an arXiv id (`2602.22544`,
 * `arXiv:2602.22544v2`), an arXiv or mirror address (abs, pdf, html; alphaXiv, Hugging Face
 * papers, SciRate, ar5iv) or a GitHub repository address. The page detectors read it, as they read
 * a tab's address; the paper it names is looked up by key and shown first.
 */
import { detectPaper } from '../detect/detect-paper.ts';
import { type ArxivRef, parseArxivId } from '../ids/arxiv-id.ts';
import type { GithubRepoRef } from '../ids/github-repo.ts';

export type PastedRef = ArxivRef | GithubRepoRef;

/** The paper a query names by id or address, or undefined for words. */
export function pastedReference(input: string): PastedRef | undefined {
  const text = input.trim().replace(/^<(.*)>$/, '$1');
  // One token, with a digit or a slash or a dot: words never pay for a URL parse.
  if (!text || text.length > 2048 || /\s/.test(text) || !/[\d/.]/.test(text)) return undefined;
  const id = parseArxivId(text);
  if (id) return id;
  // An address: with a scheme, or a host with a path (`arxiv.org/abs/…`, `github.com/o/r`).
  if (!/^https?:\/\//i.test(text) && !/^[\w-]+(\.[\w-]+)+\//.test(text)) return undefined;
  const found = detectPaper(text);
  if (found?.ref.kind === 'arxiv' || found?.ref.kind === 'github-repo') return found.ref;
  return undefined;
}

/** How a pasted reference reads in the results ("arXiv 2602.22544", "github.com/owner/repo"). */
export function referenceLabel(ref: PastedRef): string {
  return ref.kind === 'arxiv' ? `arXiv ${ref.id}` : `github.com/${ref.owner}/${ref.repo}`;
}
