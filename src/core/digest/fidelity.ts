import { isAuthorText } from './anchors-linked.ts';
import { GENERIC_NOUNS, MAKING_VERBS, COMPONENT_NOUNS as PARSER_COMPONENT_NOUNS } from './lexicon.ts';
import { splitSentences } from './sentences.ts';
import type { Digest, PaperMention } from './types.ts';

/**
 * How faithfully a digest's records match its papers, read back from the parser's own output: a
 * check on real text that needs no hand-made expectations. It is deliberately broader than the
 * parser's rules (other verbs, no check of who the subject is), so it finds what they miss.
 */
export type SuspectKind = 'split' | 'people' | 'adjective' | 'concept' | 'component' | 'attribution' | 'missedTitle';

export const SUSPECT_KINDS: readonly SuspectKind[] = ['split', 'people', 'adjective', 'concept', 'component', 'attribution', 'missedTitle'];

export interface Suspect {
  readonly kind: SuspectKind;
  readonly name: string;
  /** The sentence that gave it away. */
  readonly sentence: string;
}

export interface DigestFidelity {
  readonly id: string;
  readonly date: string;
  readonly topic: string;
  readonly papers: number;
  readonly titled: number;
  readonly counts: Readonly<Record<SuspectKind, number>>;
  readonly suspects: readonly Suspect[];
}

export interface FidelityReport {
  readonly digests: readonly DigestFidelity[];
  readonly totals: { readonly papers: number; readonly titled: number; readonly counts: Readonly<Record<SuspectKind, number>> };
}

// Verbs by which a sentence brings in a name as its own contribution ("proposes SpaRL").
const INTRODUCING = new Set([
  ...MAKING_VERBS,
  'introduced',
  'introducing',
  'proposed',
  'proposing',
  'presented',
  'presenting',
  'developed',
  'developing',
  'designed',
  'create',
  'creates',
  'created',
  'offer',
  'offers',
  'build',
  'builds',
  'contribute',
  'contributes',
  'construct',
  'constructs',
  'curate',
  'curates',
  'called',
  'named',
  'dubbed',
  'termed',
  'coined',
  'launch',
  'launches',
]);
const ARTICLES = new Set(['a', 'an']);
const SKIPPABLE = new Set(['the', 'new', 'novel', 'first', 'their', 'its', 'our', 'method', 'model', 'framework']);
const CONCEPT_MARKERS = /(?:so-called|notion of|concept of|idea of|phenomenon of|what (?:they|the authors) (?:call|term))\s*$/i;
// The parser's own list and a few more: the report looks wider than the rule it checks.
const COMPONENT_NOUNS = new Set([...PARSER_COMPONENT_NOUNS, 'term', 'decoder']);
// "-based", "-driven": a word made into an adjective, not a name.
const ADJECTIVE_ENDING =
  /-(?:based|driven|aware|guided|free|like|style|level|scale|specific|agnostic|oriented|centric|inspired|powered|enhanced|assisted|informed|augmented|conditioned|dependent|invariant|efficient|wise|only|ready|friendly|native|grounded|induced|related|enabled|supervised|tuned|trained|generated|type)$/i;
const ATTRIBUTION =
  /\s(?:by|from)\s+(?:(?:the|a|an|several|many|two|three)\s+)?(?:researchers|authors|team|teams|scientists|group|groups|colleagues|collaborators)\b|\s(?:by|from)$/i;
const MAX_CONTEXTS = 8;
const MAX_SENTENCE = 2000;

function emptyCounts(): Record<SuspectKind, number> {
  return { split: 0, people: 0, adjective: 0, concept: 0, component: 0, attribution: 0, missedTitle: 0 };
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_-]/u.test(c);
}

/** Start offsets of `name` in `text` as a whole word. */
function occurrences(text: string, name: string): number[] {
  const out: number[] = [];
  if (name === '') return out;
  for (let at = text.indexOf(name); at >= 0 && out.length < 20; at = text.indexOf(name, at + name.length)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + name.length])) out.push(at);
  }
  return out;
}

/** Lower-case words before `at`, nearest first, without quotes and brackets ("proposes “X”" → ["proposes"]). */
function wordsBefore(text: string, at: number, count: number): { words: string[]; raw: string } {
  const raw = text.slice(Math.max(0, at - 120), at);
  const words = raw
    .split(/\s+/)
    .filter((w) => w !== '')
    .reverse()
    .slice(0, count + 1);
  return { words: words.map((w) => w.replace(/^[“"‘(]+|[”"’)]+$/g, '').toLowerCase()).filter((w) => w !== ''), raw };
}

function sentencesOfContexts(p: PaperMention): string[] {
  const out: string[] = [];
  for (const c of p.contexts.slice(0, MAX_CONTEXTS)) {
    for (const r of splitSentences(c.text)) out.push(c.text.slice(r.start, Math.min(r.end, r.start + MAX_SENTENCE)));
  }
  return out;
}

/** ": Deep Search for Automated Proofs." — a title in title case after the name, up to the sentence's end. */
function titleAfterColon(rest: string): boolean {
  if (!rest.startsWith(': ')) return false;
  const words = rest.slice(2).split(' ');
  let capitals = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[.,;)]+$/, '');
    const last = w !== words[i] || i === words.length - 1;
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (!/^\p{Ll}{1,4}$/u.test(w)) return false;
    if (last) return capitals >= 2 && /^\p{Lu}/u.test(w);
  }
  return false;
}

/** The name is what the sentence's subject introduces ("proposes SpaRL", "a method called SpaRL"). */
function introduced(sentence: string, at: number): boolean {
  const { words } = wordsBefore(sentence, at, 5);
  let i = 0;
  if (words[0] !== undefined && ARTICLES.has(words[0])) return false;
  while (i < words.length && i < 4 && (SKIPPABLE.has(words[i]!) || GENERIC_NOUNS.has(words[i]!.replace(/,$/, '')))) i++;
  return words[i] !== undefined && INTRODUCING.has(words[i]!);
}

/** Another paper (with a title) named in the same sentence. */
function namesTitled(sentence: string, p: PaperMention, titled: readonly PaperMention[]): boolean {
  return titled.some(
    (t) => t !== p && t.title !== undefined && (sentence.includes(t.title) || (t.name !== p.name && occurrences(sentence, t.name).length > 0)),
  );
}

function classify(p: PaperMention, digest: Digest, titled: readonly PaperMention[]): Suspect[] {
  const out: Suspect[] = [];
  const sentences = sentencesOfContexts(p);
  const first = sentences[0] ?? p.context;
  const add = (kind: SuspectKind, sentence: string) => out.push({ kind, name: p.name, sentence });
  if (isAuthorText(p.name) || (p.title !== undefined && isAuthorText(p.title))) add('people', first);
  if (ADJECTIVE_ENDING.test(p.name)) add('adjective', first);
  if (p.title !== undefined && ATTRIBUTION.test(p.title)) add('attribution', first);
  if (
    p.arxivId === undefined &&
    sentences.some((s) => occurrences(s, p.name).some((at) => CONCEPT_MARKERS.test(s.slice(Math.max(0, at - 40), at).replace(/[“"‘]\s*$/, ''))))
  )
    add('concept', first);
  if (p.title === undefined && p.arxivId === undefined) {
    let split = false;
    let component = false;
    let missed = false;
    for (const s of sentences) {
      for (const at of occurrences(s, p.name)) {
        const { words } = wordsBefore(s, at, 2);
        const other = namesTitled(s, p, titled) || digest.papers.some((q) => q !== p && q.name !== p.name && occurrences(s, q.name).length > 0);
        const after = s
          .slice(at + p.name.length, at + p.name.length + 40)
          .replace(/^[”"’]/, '')
          .trim()
          .split(/\s+/)[0]
          ?.replace(/[,.;:]$/, '')
          .toLowerCase();
        if (other && ((words[0] !== undefined && ARTICLES.has(words[0])) || (after !== undefined && COMPONENT_NOUNS.has(after)))) component = true;
        if (!split && introduced(s, at) && namesTitled(s, p, titled)) split = true;
        // "… introduces FooProver: Deep Search for Automated Proofs." left without its title.
        if (at > 0 && titleAfterColon(s.slice(at + p.name.length, at + p.name.length + 300))) missed = true;
      }
    }
    // "“Long Name (LN): …”" and "“Title” (LN)": the bracket names the titled paper.
    if (!split)
      split = titled.some((t) => t.title !== undefined && (t.title.includes(`(${p.name})`) || sentences.some((s) => s.includes(`${t.title}” (${p.name})`))));
    if (split) add('split', first);
    if (component) add('component', first);
    if (missed) add('missedTitle', first);
  }
  return out;
}

/** Counts papers, titled papers, split papers and records that are not papers, per digest and in total. */
export function fidelityReport(digests: readonly Digest[]): FidelityReport {
  const totals = { papers: 0, titled: 0, counts: emptyCounts() };
  const out = digests.map((d): DigestFidelity => {
    const titled = d.papers.filter((p) => p.title !== undefined);
    const counts = emptyCounts();
    const suspects = d.papers.flatMap((p) => classify(p, d, titled));
    for (const s of suspects) counts[s.kind]++;
    totals.papers += d.papers.length;
    totals.titled += titled.length;
    for (const k of SUSPECT_KINDS) totals.counts[k] += counts[k];
    return { id: d.id, date: d.date, topic: d.topic, papers: d.papers.length, titled: titled.length, counts, suspects };
  });
  return { digests: out, totals };
}

const HEADINGS: Record<SuspectKind, string> = {
  split: 'splits',
  people: 'people',
  adjective: 'adj',
  concept: 'concept',
  component: 'part',
  attribution: 'by-in-title',
  missedTitle: 'no-title',
};

/** The report as a table: one row per post, a totals row, then each suspect record with its sentence. */
export function formatFidelity(report: FidelityReport, label: (d: DigestFidelity) => string = (d) => `${d.date} ${d.topic}`): string {
  const cols = ['papers', 'titled', ...SUSPECT_KINDS.map((k) => HEADINGS[k])];
  const rows = report.digests.map((d) => [label(d), String(d.papers), String(d.titled), ...SUSPECT_KINDS.map((k) => String(d.counts[k]))]);
  rows.push(['total', String(report.totals.papers), String(report.totals.titled), ...SUSPECT_KINDS.map((k) => String(report.totals.counts[k]))]);
  const first = Math.max(4, ...rows.map((r) => r[0]!.length));
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i + 1]!.length)));
  const line = (r: string[]) => [r[0]!.padEnd(first), ...r.slice(1).map((c, i) => c.padStart(widths[i]!))].join('  ');
  const lines = [line(['post', ...cols]), ...rows.slice(0, -1).map(line), line(rows.at(-1)!)];
  const suspects = report.digests.flatMap((d) => d.suspects.map((s) => `  ${label(d)}: ${s.kind}: ${s.name} — ${s.sentence.slice(0, 160)}`));
  if (suspects.length > 0) lines.push('', 'suspect records:', ...suspects);
  return lines.join('\n');
}
