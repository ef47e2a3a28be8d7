/** Sites that show one arXiv paper per page under its arXiv id (the mirror forms are listed in tests/url-cases.ts). */
import { type ArxivRef, isNewStyle, parseArxivId } from '../ids/arxiv-id.ts';
import { hostOf, isWebUrl, pathSegments } from './url-parts.ts';

interface MirrorRule {
  hosts: readonly string[];
  /** First path segments that lead to a paper page. */
  sections: readonly string[];
  newStyleOnly?: boolean;
}

const RULES: readonly MirrorRule[] = [
  { hosts: ['www.alphaxiv.org', 'alphaxiv.org'], sections: ['abs', 'overview', 'pdf'] },
  // Hugging Face paper pages exist only for new-style ids.
  { hosts: ['huggingface.co'], sections: ['papers'], newStyleOnly: true },
  { hosts: ['ar5iv.labs.arxiv.org'], sections: ['html'] },
  // ar5iv.org is the older name; it answered both /abs/ and /html/.
  { hosts: ['ar5iv.org', 'www.ar5iv.org'], sections: ['abs', 'html'] },
  { hosts: ['scirate.com', 'www.scirate.com'], sections: ['arxiv'] },
];

function ruleFor(url: URL): MirrorRule | undefined {
  const host = hostOf(url);
  return RULES.find((r) => r.hosts.includes(host));
}

/** Whether the address is under a mirror's paper section, whatever follows (used for title fallback). */
export function isMirrorPaperPath(url: URL): boolean {
  const section = pathSegments(url)[0];
  return section !== undefined && (ruleFor(url)?.sections.includes(section) ?? false);
}

export function detectMirrorUrl(url: URL): ArxivRef | undefined {
  if (!isWebUrl(url)) return undefined;
  const rule = ruleFor(url);
  if (!rule) return undefined;
  const [section, ...rest] = pathSegments(url);
  if (section === undefined || !rule.sections.includes(section) || rest.length === 0) return undefined;
  // The whole rest is the id, so assets below a paper (`/html/<id>/assets/x1.png`) are rejected.
  const ref = parseArxivId(rest.join('/'));
  if (ref && rule.newStyleOnly && !isNewStyle(ref.id)) return undefined;
  return ref;
}

export const mirrorExamples = {
  yes: [
    'https://www.alphaxiv.org/abs/2503.11651',
    'https://www.alphaxiv.org/overview/2503.11651v2',
    'https://www.alphaxiv.org/pdf/2503.11651',
    'https://alphaxiv.org/abs/1706.03762',
    'https://huggingface.co/papers/2503.11651',
    'https://huggingface.co/papers/1706.03762#community',
    'https://ar5iv.labs.arxiv.org/html/1910.06709',
    'https://ar5iv.labs.arxiv.org/html/hep-th/9901001',
    'https://ar5iv.org/abs/1910.06709',
    'https://ar5iv.org/html/1910.06709',
    'https://scirate.com/arxiv/2503.11651',
    'https://scirate.com/arxiv/quant-ph/0101001',
  ],
  no: [
    'https://www.alphaxiv.org/',
    'https://www.alphaxiv.org/explore',
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/date/2025-03-14',
    'https://huggingface.co/papers/hep-th/9901001',
    'https://huggingface.co/google/gemma-3-27b-it',
    'https://ar5iv.labs.arxiv.org/html/1910.06709/assets/x1.png',
    'https://ar5iv.labs.arxiv.org/abs/1910.06709',
    'https://scirate.com/',
    'https://scirate.com/arxiv/quant-ph',
  ],
};
