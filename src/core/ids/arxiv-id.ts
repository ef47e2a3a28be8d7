/**
 * arXiv identifiers: the only place an ArxivId is made.
 *
 * New style: YYMM.NNNN (2007-04 … 2014-12) and YYMM.NNNNN (2015 on), optional vN.
 * Old style: archive[.SC]/YYMMNNN, optional vN; the subject class is dropped in the key
 * (arXiv itself files math.GT/0309136 as math/0309136).
 */
export type ArxivId = string & { readonly brand: 'ArxivId' };

export interface ArxivRef {
  readonly kind: 'arxiv';
  /** Lookup key: no version, old-style archive lower-cased without subject class. */
  readonly id: ArxivId;
  /** Version number when the address or text named one. */
  readonly version?: number;
}

// Versions start at v1 and are written without leading zeros, as arXiv's own parser requires.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$/;
// Archive: lowercase letters with an optional -xx part; subject class after a dot (GT, mes-hall).
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.([a-z]+(?:-[a-z]+)?))?\/(\d{2})(\d{2})(\d{3})(?:v([1-9]\d*))?$/i;

// Old-style ids stopped in March 2007, so their archives are a closed list (arXiv's OAI set names).
// Checking it keeps path fragments such as `pdf/0408502` or `papers/0408502` from passing as ids.
const OLD_ARCHIVES = new Set([
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con',
]);

function validMonth(yy: number, mm: number, oldStyle: boolean): boolean {
  if (mm < 1 || mm > 12) return false;
  if (oldStyle) {
    // Old-style ids ran from 1991-08 to 2007-03.
    const year = yy >= 91 ? 1900 + yy : 2000 + yy;
    return (year > 1991 || mm >= 8) && (year < 2007 || (year === 2007 && mm <= 3));
  }
  // New style began in April 2007.
  return yy > 7 || (yy === 7 && mm >= 4);
}

function version(raw: string | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  return Number.isSafeInteger(v) && v >= 1 ? v : null;
}

/**
 * Parses one identifier as written anywhere: `2203.14206v2`, `arXiv:2203.14206`,
 * `/pdf/2203.14206v2.pdf`, `math.GT/0309136v1`, `hep-th/9901001.ps.gz`.
 * Returns undefined for anything that is not a valid arXiv id.
 */
export function parseArxivId(input: string): ArxivRef | undefined {
  if (typeof input !== 'string' || input.length > 200) return undefined;
  let s = input.trim();
  s = s.replace(/^arxiv:\s*/i, '');
  s = s
    .replace(/\/{2,}/g, '/')
    .replace(/^\//, '')
    .replace(/\/$/, '');
  // Strip file suffixes in any order arXiv serves them (.pdf, .ps, .gz, .ps.gz, .tar.gz).
  for (let i = 0; i < 3; i++) s = s.replace(/\.(pdf|ps|gz|tar)$/i, '');
  const n = NEW_STYLE.exec(s);
  if (n) {
    const [, yy, mm, num, v] = n;
    const year = Number(yy);
    const month = Number(mm);
    if (!validMonth(year, month, false)) return undefined;
    // Five-digit numbers started in 2015; four-digit ones ended with 2014.
    if (year >= 15 !== (num!.length === 5)) return undefined;
    if (Number(num) === 0) return undefined;
    const ver = version(v);
    if (ver === null) return undefined;
    return make(`${yy}${mm}.${num}`, ver);
  }
  const o = OLD_STYLE.exec(s);
  if (o) {
    const [, archive, , yy, mm, num, v] = o;
    if (!OLD_ARCHIVES.has(archive!.toLowerCase())) return undefined;
    if (!validMonth(Number(yy), Number(mm), true)) return undefined;
    if (Number(num) === 0) return undefined;
    const ver = version(v);
    if (ver === null) return undefined;
    return make(`${archive!.toLowerCase()}/${yy}${mm}${num}`, ver);
  }
  return undefined;
}

function make(id: string, ver: number | undefined): ArxivRef {
  return ver === undefined ? { kind: 'arxiv', id: id as ArxivId } : { kind: 'arxiv', id: id as ArxivId, version: ver };
}

/** The lookup key alone, or undefined. */
export function normalizeArxivId(input: string): ArxivId | undefined {
  return parseArxivId(input)?.id;
}

export function isNewStyle(id: ArxivId): boolean {
  return !id.includes('/');
}

export function arxivAbsUrl(id: ArxivId, version?: number): string {
  return `https://arxiv.org/abs/${id}${version ? `v${version}` : ''}`;
}

export function arxivPdfUrl(id: ArxivId, version?: number): string {
  return `https://arxiv.org/pdf/${id}${version ? `v${version}` : ''}`;
}

export function arxivHtmlUrl(id: ArxivId, version?: number): string {
  return `https://arxiv.org/html/${id}${version ? `v${version}` : ''}`;
}

/** Every arXiv paper also has a DataCite DOI: 10.48550/arXiv.<id>. */
export function parseArxivDoi(input: string): ArxivRef | undefined {
  const m = /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?(?:doi:)?10\.48550\/arxiv\.(.+)$/i.exec(input.trim());
  return m ? parseArxivId(m[1]!) : undefined;
}
