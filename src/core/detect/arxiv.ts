/**
 * arXiv's own pages: abstract, PDF, HTML full text and the other per-paper views (/abs, /pdf, /html,
 * /format…, with or without a version; tests/url-cases.ts lists every form).
 */
import { type ArxivRef, parseArxivId } from '../ids/arxiv-id.ts';
import { hostOf, isWebUrl, pathSegments } from './url-parts.ts';

export type ArxivPageKind = 'abs' | 'pdf' | 'html' | 'other';

export interface ArxivPage {
  ref: ArxivRef;
  pageKind: ArxivPageKind;
}

// browse.arxiv.org served the HTML full text before it moved to arxiv.org/html (late 2023).
const HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org']);

const KIND_BY_SECTION: Record<string, ArxivPageKind> = {
  abs: 'abs',
  pdf: 'pdf',
  html: 'html',
  format: 'other',
  src: 'other',
  'e-print': 'other',
};

export function isArxivHost(url: URL): boolean {
  return HOSTS.has(hostOf(url));
}

/** The page kind an arXiv address would have, even when its id is missing or invalid. */
export function arxivSectionKind(url: URL): ArxivPageKind | undefined {
  if (!isArxivHost(url)) return undefined;
  const section = pathSegments(url)[0];
  if (section === 'ftp') return 'pdf';
  return section !== undefined && Object.hasOwn(KIND_BY_SECTION, section) ? KIND_BY_SECTION[section] : undefined;
}

export function detectArxivPage(url: URL): ArxivPage | undefined {
  if (!isWebUrl(url) || !isArxivHost(url)) return undefined;
  const [section, ...rest] = pathSegments(url);
  if (section === undefined) return undefined;
  if (section === 'ftp') return ftpPage(rest);
  if (!Object.hasOwn(KIND_BY_SECTION, section)) return undefined;
  const pageKind = KIND_BY_SECTION[section]!;
  // The id is the whole rest of the path, so `/html/<id>/x1.png` (an asset) does not parse.
  const ref = rest.length > 0 ? parseArxivId(rest.join('/')) : section === 'abs' ? legacyAbsQuery(url) : undefined;
  return ref && { ref, pageKind };
}

export function detectArxivUrl(url: URL): ArxivRef | undefined {
  return detectArxivPage(url)?.ref;
}

// Pre-2007 links: /abs?id=hep-th/9901001 and /abs?archive=hep-th&papernum=9901001.
function legacyAbsQuery(url: URL): ArxivRef | undefined {
  const q = url.searchParams;
  const id = q.get('id');
  if (id) return parseArxivId(id);
  const archive = q.get('archive');
  const num = q.get('papernum');
  return archive && num ? parseArxivId(`${archive}/${num}`) : undefined;
}

// /ftp/arxiv/papers/1110/1110.2832.pdf (new style) and /ftp/cond-mat/papers/0408/0408502.pdf (old).
function ftpPage(rest: string[]): ArxivPage | undefined {
  if (rest.length !== 4) return undefined;
  const [archive, papers, yymm, file] = rest as [string, string, string, string];
  if (papers !== 'papers' || !/^\d{4}$/.test(yymm) || !file.startsWith(yymm)) return undefined;
  const ref = parseArxivId(archive === 'arxiv' ? file : `${archive}/${file}`);
  return ref && { ref, pageKind: /\.pdf$/i.test(file) ? 'pdf' : 'other' };
}

export const arxivExamples = {
  yes: [
    'https://arxiv.org/abs/2604.02330',
    'https://arxiv.org/abs/2203.14206v2',
    'http://arxiv.org/abs/1706.03762/',
    'https://arxiv.org/abs/2203.14206?context=cs',
    'https://arxiv.org/abs/2203.14206v2#comments',
    'https://www.arxiv.org/abs/1110.2832',
    'https://export.arxiv.org/abs/hep-th/9901001',
    'https://arxiv.org/abs/math.GT/0309136v1',
    'https://arxiv.org/abs?id=hep-th/9901001',
    'https://arxiv.org/abs?archive=hep-th&papernum=9901001',
    'https://arxiv.org/pdf/2604.14779',
    'https://arxiv.org/pdf/2203.14206v2.pdf',
    'https://arxiv.org/pdf/hep-th/9901001',
    'https://arxiv.org/ftp/arxiv/papers/1110/1110.2832.pdf',
    'https://arxiv.org/ftp/cond-mat/papers/0408/0408502.pdf',
    'https://arxiv.org/html/2503.11651v1',
    'https://arxiv.org/html/2503.11651v1/#S3',
    'https://arxiv.org/format/2203.14206',
    'https://arxiv.org/src/2203.14206v1',
    'https://arxiv.org/e-print/2203.14206',
  ],
  no: [
    'https://arxiv.org/',
    'https://arxiv.org/list/cs.LG/recent',
    'https://arxiv.org/search/?query=diffusion&searchtype=all',
    'https://arxiv.org/html/2503.11651v1/x1.png',
    'https://arxiv.org/abs/0704.0000',
    'https://arxiv.org/abs/0612.1234',
    'https://arxiv.org/abs/0703.123456',
    'https://arxiv.org/abs/0707.2096va',
    'https://arxiv.org/abs',
    'https://arxiv.org/a/vaswani_a_1',
    'https://info.arxiv.org/help/arxiv_identifier.html',
    'https://export.arxiv.org/api/query?id_list=2203.14206',
    'https://ar5iv.labs.arxiv.org/html/1910.06709',
    'ftp://arxiv.org/abs/2203.14206',
  ],
};
