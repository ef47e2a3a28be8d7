/**
 * BibTeX a reader can paste into a paper: one @misc entry per paper (arXiv's own recommended form
 * for preprints). Pure: text in, text out. The side panel's "Copy citation" calls `bibtexEntry` for
 * one paper; a whole export calls `toBibtex`, which gives every entry a key unique in the file.
 */
import { type ArxivId, arxivAbsUrl } from '../ids/arxiv-id.ts';
import { isCitedAsCode } from '../index/code-role.ts';
import type { PaperRecord } from '../index/types.ts';

export interface BibtexOptions {
  /** The entry's key; by default the paper's own (`citeKey`). A whole export passes unique ones. */
  readonly key?: string;
  /** Leave out the code address even when it is the paper's own (`toBibtex`: another paper of the export gives it too). */
  readonly noCode?: boolean;
  /** Add `note = {Featured in …}` naming the newest digest about it (default true). */
  readonly note?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * TeX's special characters made literal. Braces in digest text never reach BibTeX as braces: an
 * unbalanced one would end the field (BibTeX counts braces whatever precedes them).
 */
export function texEscape(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(
      /[\\{}~^]/g,
      (c) => ({ '\\': '\\textbackslash{}', '{': '\\textbraceleft{}', '}': '\\textbraceright{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' })[c]!,
    )
    .replace(/[&%$#_]/g, (c) => `\\${c}`);
}

// Proper names common in machine-learning titles that a style's lower-casing must not touch.
const PROPER = new Set([
  'bayes',
  'bayesian',
  'gaussian',
  'markov',
  'markovian',
  'monte',
  'carlo',
  'euclidean',
  'riemannian',
  'fourier',
  'hessian',
  'lipschitz',
  'wasserstein',
  'boltzmann',
  'hilbert',
  'banach',
  'laplace',
  'laplacian',
  'newton',
  'langevin',
  'kalman',
  'hamiltonian',
  'lagrangian',
  'shapley',
  'nash',
  'turing',
  'hebbian',
  'kolmogorov',
  'arnold',
  'volterra',
  'gibbs',
  'dirichlet',
  'poisson',
  'bernoulli',
  'wiener',
  'schrodinger',
  'schrödinger',
  'english',
  'chinese',
  'arabic',
  'african',
  'european',
  'korean',
  'japanese',
  'indian',
  'transformer',
  'transformers',
]);

/** Does a title word need braces to keep its capitals ("BrepCoder", "LDCT", "U-Net", "AASIST3", "Bayesian")? */
function keepsCase(word: string): boolean {
  const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
  if (!/\p{Lu}/u.test(letters)) return false;
  // A capital after the first letter: an acronym, CamelCase or a hyphenated name.
  if (/\p{Lu}/u.test(letters.slice(1))) return true;
  // A capital with a digit: a model name ("Llama3", "T5" has two capitals anyway).
  if (/\p{N}/u.test(letters)) return true;
  // A capital letter standing for something: "B-rep", "T-cell".
  if (/^\p{Lu}-/u.test(word)) return true;
  return PROPER.has(letters.toLowerCase());
}

/**
 * A title with every word that must keep its capitals in braces, so a style that lower-cases
 * titles (plain, IEEE, ACM) prints "BrepCoder", not "Brepcoder". Escapes TeX's specials.
 */
export function bibtexTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => {
      // The pattern matches every word, and each of its groups takes part (perhaps empty).
      const [, lead = '', body = '', trail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word)!;
      return body && keepsCase(body) ? `${texEscape(lead)}{${texEscape(body)}}${texEscape(trail)}` : texEscape(word);
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Authors

// Names a digest uses when it knows no author: never an author, never a key.
const PLACEHOLDER =
  /^(?:(?:john|jane|joe|j\.?)\s+(?:doe|smith|roe)|(?:first|second|third|lead|main|corresponding|the)?\s*authors?(?:\s+(?:one|two|three|[a-d1-9]))?|anonymous(?:\s+authors?)?|unknown|various|n\/?a|et\.?\s*al\.?|\[.*\]|.*\bet al\b.*)$/i;

export const isPlaceholderAuthor = (name: string): boolean => PLACEHOLDER.test(name.replace(/\s+/g, ' ').trim());

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The paper's real authors as its digests name them, and whether one of them wrote "et al." after the last. */
export function authorsOf(p: PaperRecord): { names: string[]; more: boolean } {
  const names = [...new Set(p.authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a && !isPlaceholderAuthor(a)))];
  if (names.length === 0) {
    const named = leadAuthor(p);
    return named ? { names: [named], more: true } : { names, more: false };
  }
  const last = names.at(-1)!;
  const etAl = new RegExp(`(?:^|[^\\p{L}])${escapeRe(last)}\\s*,?\\s+et\\.?\\s*al\\b`, 'u');
  const texts = p.mentions.flatMap((m) => m.contexts.map((c) => c.text));
  return { names, more: texts.some((t) => etAl.test(t)) };
}

// Words that make "X Y et al." an institution or a team rather than a person.
const NOT_A_PERSON =
  /\b(?:universit|institut|technolog|laborator|lab|labs|cent(?:er|re)|school|college|team|research|group|inc|ltd|hospital|academy|department|foundation|ai|national|state|google|microsoft|meta|nvidia|deepmind|openai|amazon|apple|ibm|alibaba|tencent|baidu|huawei|samsung)/i;

/**
 * For a paper no author was recorded for: "RADE-Net: Max Gaber et al. introduce…" or "… by Max
 * Gaber et al." in a sentence naming the paper gives its first author. Two or three capitalised
 * words, none an institution's.
 */
function leadAuthor(p: PaperRecord): string | undefined {
  const ownNames = [...p.names, p.title ?? ''].filter((n) => n.length >= 3);
  for (const m of p.mentions) {
    for (const { text } of m.contexts) {
      if (!ownNames.some((n) => text.includes(n))) continue;
      const found = /(?:\bby|:)\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})\s+et\.?\s*al\b/u.exec(text);
      if (found && !NOT_A_PERSON.test(found[1]!) && !isPlaceholderAuthor(found[1]!)) return found[1];
    }
  }
  return undefined;
}

/** One name as BibTeX reads it: "and" inside a name, or a comma, would split or reorder it. */
function bibtexName(name: string): string {
  const escaped = texEscape(name);
  return /\band\b|,/i.test(name) ? `{${escaped}}` : escaped;
}

/** `author = {A and B and others}`: BibTeX's own way to say "et al.". */
export function bibtexAuthors(p: PaperRecord): string | undefined {
  const { names, more } = authorsOf(p);
  if (names.length === 0) return undefined;
  return [...names.map(bibtexName), ...(more ? ['others'] : [])].join(' and ');
}

// ---------------------------------------------------------------------------------------------
// Keys

/** Year from a new-style arXiv id (YYMM.NNNNN) or an old-style one (archive/YYMMNNN). */
function arxivYear(id: ArxivId): string {
  const yy = Number(id.includes('/') ? id.split('/')[1]!.slice(0, 2) : id.slice(0, 2));
  return String(yy >= 91 ? 1900 + yy : 2000 + yy);
}

export function bibtexYear(p: PaperRecord): string {
  return p.arxivId ? arxivYear(p.arxivId) : (p.firstDate || p.lastDate).slice(0, 4);
}

const ascii = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const STOP = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'for',
  'to',
  'in',
  'into',
  'towards',
  'toward',
  'via',
  'with',
  'and',
  'or',
  'is',
  'are',
  'do',
  'does',
  'can',
  'from',
  'by',
  'at',
  'as',
  'when',
  'what',
  'why',
  'how',
]);

/** The title's words as written ("HARU-Net:" → "harunet"), without the small ones. */
function keyWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map(ascii)
    .filter((w) => w && !STOP.has(w));
}

/** The surname of a name as digests write it ("Leiyue Zhao" → "zhao", "Zhao, Leiyue" → "zhao"). */
function surname(name: string): string {
  const n = name.includes(',') ? name.split(',')[0]! : name.split(/\s+/).at(-1)!;
  return ascii(n);
}

/**
 * A paper's own key: first author's surname, year, first word of the title ("naveed2026harunet").
 * With no author named, the short name or the title's first two words stand in for the author
 * ("radenet2026", "openmulticenter2026"): never a placeholder's name.
 */
export function citeKey(p: PaperRecord): string {
  const year = bibtexYear(p);
  const title = keyWords(p.title ?? '');
  const name = p.names.find((n) => n && n !== p.title);
  const first = authorsOf(p).names[0];
  let key: string;
  if (first && surname(first)) key = `${surname(first)}${year}${title[0] ?? keyWords(name ?? '')[0] ?? ''}`;
  else if (name && keyWords(name).length) key = `${keyWords(name).join('').slice(0, 24)}${year}`;
  else key = `${title.slice(0, 2).join('')}${year}`;
  if (!/^[a-z]/.test(key)) key = `paper${key}`;
  return key;
}

/** Keys for a list of papers, each its own key made unique with a, b, c… in list order. */
export function citeKeys(papers: readonly PaperRecord[]): string[] {
  const taken = new Set<string>();
  return papers.map((p) => {
    const base = citeKey(p);
    let key = base;
    for (let i = 0; taken.has(key); i++) key = `${base}${suffix(i)}`;
    taken.add(key);
    return key;
  });
}

const suffix = (i: number): string => (i < 26 ? String.fromCharCode(97 + i) : `${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);

// ---------------------------------------------------------------------------------------------
// Addresses

const LETTERS = (s: string): string => ascii(s);

/** Could this address be the paper's own code: its own repository (not a library it cites), named like it? */
export function ownCodeUrl(p: PaperRecord): string | undefined {
  const names = [...p.names, p.title ?? '']
    .flatMap((n) => n.split(/[\s:]+/))
    .map(LETTERS)
    .filter((w) => w.length >= 3);
  const whole = p.names.map(LETTERS).filter(Boolean);
  for (const link of p.codeUrls) {
    if (isCitedAsCode(link)) continue;
    if (link.github && link.kind === 'repo' && !p.repos.includes(link.github)) continue;
    if (!/^https?:\/\//i.test(link.url)) continue;
    // The address must look like the paper's: a digest sometimes gives a lab's earlier repository.
    const path = LETTERS(link.url.replace(/^https?:\/\/(www\.)?(github\.com\/[^/]+\/)?/i, ''));
    if (whole.some((n) => n.length >= 3 && (path.includes(n) || near(path, n))) || names.some((w) => w.length >= 5 && path.includes(w))) return link.url;
  }
  return undefined;
}

/** "spdlearnorg" against "spdlern": the name within one typo of the address's start. */
function near(path: string, name: string): boolean {
  if (name.length < 5) return false;
  const head = path.slice(0, name.length + 1);
  for (let cut = name.length - 1; cut <= name.length + 1; cut++) if (distance(head.slice(0, cut), name) <= 1) return true;
  return false;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

// BibTeX URLs: braces and a few characters would break the field; they are percent-encoded.
const bibUrl = (u: string): string => u.replace(/[{}\\%#\s"]/g, (c) => encodeURIComponent(c));

// ---------------------------------------------------------------------------------------------
// Entries

/** One paper's @misc entry. */
export function bibtexEntry(p: PaperRecord, options: BibtexOptions = {}): string {
  const fields: [string, string][] = [];
  const title = p.title ?? p.names[0] ?? p.key;
  fields.push(['title', `{${bibtexTitle(title)}}`]);
  const author = bibtexAuthors(p);
  if (author) fields.push(['author', `{${author}}`]);
  // What styles sort an entry by when it names no author.
  else fields.push(['key', `{${texEscape(p.names[0] ?? title)}}`]);
  fields.push(['year', `{${bibtexYear(p)}}`]);
  if (p.arxivId) {
    fields.push(
      ['eprint', `{${p.arxivId}}`],
      ['archivePrefix', '{arXiv}'],
      ...(primaryClass(p.arxivId) ? ([['primaryClass', `{${primaryClass(p.arxivId)}}`]] as [string, string][]) : []),
      // What styles without eprint support print.
      ['howpublished', `{arXiv preprint arXiv:${p.arxivId}}`],
      ['url', `{${arxivAbsUrl(p.arxivId)}}`],
    );
  } else {
    const code = options.noCode ? undefined : ownCodeUrl(p);
    if (code) fields.push(['howpublished', `{\\url{${bibUrl(code)}}}`], ['url', `{${bibUrl(code)}}`]);
  }
  const digest = p.mentions[0];
  if (digest && options.note !== false) fields.push(['note', `{Featured in the digest \`\`${texEscape(digest.digestTitle)}'' (${digest.digestDate})}`]);
  return `@misc{${options.key ?? citeKey(p)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}

/** An old-style id names its archive ("hep-th/9901001" → hep-th); a new-style one says nothing of its category. */
function primaryClass(id: ArxivId): string | undefined {
  return id.includes('/') ? id.split('/')[0] : undefined;
}

/** Every paper's entry, keys unique in the file; a code address two papers give is no one's. */
export function toBibtex(papers: readonly PaperRecord[]): string {
  const keys = citeKeys(papers);
  const codeCount = new Map<string, number>();
  for (const p of papers) for (const u of new Set(p.codeUrls.map((c) => c.url.toLowerCase()))) codeCount.set(u, (codeCount.get(u) ?? 0) + 1);
  return papers
    .map((p, i) => {
      const code = ownCodeUrl(p);
      return bibtexEntry(p, { key: keys[i]!, noCode: code !== undefined && (codeCount.get(code.toLowerCase()) ?? 0) > 1 });
    })
    .join('\n\n')
    .concat(papers.length ? '\n' : '');
}
