/**
 * What a reader sees of a Big Ideas theme: a short name and a summary of whole sentences. A
 * paragraph opens with its framing ("Another significant theme is robust uncertainty
 * quantification and generalization.") and goes on paper by paper; the summary keeps the framing
 * sentences, the name is the framing's key phrase (docs/themes.md has the method and examples).
 */
import { splitSentences } from './sentences.ts';
import { trimChars } from './trim.ts';
import type { PaperMention, Theme } from './types.ts';

/** Longest name, in words: past it a phrase is cut at its first qualifier, else left as it is. */
const MAX_WORDS = 7;

// "<the theme> is / revolves around / focuses on <phrase>"
const THEME_NOUN =
  '(?:theme|area|thrust|trend|direction|focus|frontier|avenue|line of (?:work|research)|strand|pillar|innovation|breakthrough|development|shift|challenge|emphasis)';
const LINKS = [
  // "One overarching theme is …", "A core theme emerging is …", "A third major thrust is …", "Another significant area of innovation focuses on …"
  new RegExp(
    `\\b${THEME_NOUN}s?\\b[^.,:;]{0,60}?\\b(?:is|are|remains?|involves?|revolves? around|focus(?:es)? on|cent(?:er|re)s? (?:on|around)|lies in|concerns?|coalesces? around|is about|revisits?|explores?|examines?|tackles?|addresses|targets?)\\s+(.+)$`,
    'iu',
  ),
  // "Recent research highlights a crucial trend: the integration of …"
  new RegExp(`\\b${THEME_NOUN}s?\\s*:\\s+(.+)$`, 'iu'),
  // "Closely related is the drive for …"
  /^(?:closely )?related (?:to this )?is\s+(.+)$/iu,
  // "Beyond robustness, researchers are pushing the boundaries of generative AI and efficiency."
  /\b(?:researchers|papers|works|studies|authors) (?:are |also )?(?:pushing the boundaries of|pushing|tackling|exploring|advancing|rethinking|revisiting|targeting|addressing)\s+(.+)$/iu,
];
// "<phrase> is another critical area.", "<phrase> remain critical.", "The drive for <phrase> is also paramount."
const SUBJECT = new RegExp(
  `^(?:beyond [^,]{1,60}, |finally, |additionally, |moreover, |meanwhile, |similarly, |likewise, )?(.+?)\\s+(?:is|are|remains?|continues? to be)\\s+(?:also\\s+|still\\s+)?(?:another |a |an |the )?(?:(?:very|particularly|especially|equally|increasingly|most)\\s+)?(?:critical|crucial|key|central|paramount|important|vital|major|significant|essential|pressing|prominent|hot|active)?\\s*(?:${THEME_NOUN}s?|concerns?|priorit(?:y|ies)|focus)?\\b(?:\\s+(?:of|in|for) [^.]*)?$`,
  'iu',
);
// "… novel applications of deep learning are continually emerging."; "a new perspective on X is presented in …"
const EMERGING =
  /^(?:finally, |moreover, |additionally, |beyond these, |beyond this, )?(.+?)\s+(?:are|is) (?:continually |constantly |rapidly |also )?(?:emerging|growing|expanding|flourishing|advancing|maturing|progressing|gaining (?:ground|traction)|(?:back |again |firmly )?in (?:focus|the spotlight)(?: this week| again)?|(?:presented|offered|proposed|explored|examined) (?:in|by)\b.*)$/iu;
// "Theory also advances: <paper> …"
const ADVANCES =
  /^((?:[\p{L}\p{N}-]+ ){0,3}[\p{L}\p{N}-]+) (?:also |too |likewise )?(?:advances|matures|progresses|moves forward|sees progress|gets attention)\s*[:,]/iu;
// "For Bayesian deep learning, …" (a domain before a paper sentence)
const FOR_DOMAIN = /^(?:for|in|on the|on) ((?:[\p{L}\p{N}-]+ ){0,4}[\p{L}\p{N}-]+), /iu;

// "Beyond medical applications, <paper> …": the paragraph gathers what lies beyond.
const BEYOND = /^(beyond (?:[\p{L}\p{N}-]+ ){0,3}[\p{L}\p{N}-]+), /iu;

// Openings that say "the theme is about": what follows is the phrase.
const LEADS =
  /^(?:the |a |an )?(?:(?:continued|ongoing|growing|relentless|broader|overall|increasing|central|key|main|core|new)\s+)*(?:pursuit|drive|push|quest|need|search|move|shift|march|trend|focus|emphasis|effort|efforts|ambition|goal|aim|demand) (?:of|for|toward|towards|to)\s+/iu;
const VERB_LEADS =
  /^(?:understanding and improving|understanding|improving|making|developing|building|enhancing|ensuring|achieving|enabling|designing|creating|pushing)\s+/iu;
const NOMINAL: Record<string, string> = {
  integration: 'Integrating',
  development: 'Developing',
  application: 'Applying',
  use: 'Using',
  adoption: 'Adopting',
  design: 'Designing',
};
const ARTICLE =
  /^(?:the|a|an|more|ever more|increasingly|truly|inherent|fundamental|crucial|critical|fascinating|exciting|intriguing|remarkable|notable|compelling)\s+/iu;
// Adjectives a long name can lose without changing what it names.
const FILLER = /\b(?:specialized|specialised|advanced|various|diverse|sophisticated|cutting-edge|state-of-the-art|powerful)\s+/giu;
// "several key themes: bolstering security and privacy, optimizing …": the list's first item.
const THEME_LIST =
  /^(?:several|a few|a number of|multiple|two|three|four|five|some) (?:key |major |main )?(?:themes|areas|directions|thrusts)\s*:\s*([^,;]+)/iu;
const GERUND = /^(?:bolstering|optimizing|optimising|adapting to|integrating with|integrating|improving|enhancing|advancing|tackling|addressing)\s+/iu;
// Where a copula continues a subject phrase ("… components is key to unlocking …").
const COPULA = / (?:is|are) (?:key|crucial|essential|central|vital|critical|paramount|important) (?:to|for)\b.*$/iu;
// Where a phrase's qualifiers start: cut there when it is too long.
const QUALIFIERS = [
  ', especially ',
  ', particularly ',
  ', often ',
  ', with ',
  ', where ',
  ', which ',
  ' — ',
  ' – ',
  ', from ',
  ', as ',
  ', and how ',
  ', ',
  ' especially ',
  ' particularly ',
  ' through ',
  ' via ',
  ' by ',
  ' using ',
  ' with ',
  ' for ',
  ' in ',
];

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;
const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** The sentences of a paragraph, trimmed. */
export function paragraphSentences(text: string): string[] {
  const bounded = text.length > 20_000 ? text.slice(0, 20_000) : text;
  return splitSentences(bounded)
    .map((r) => bounded.slice(r.start, r.end).trim())
    .filter(Boolean);
}

/** A phrase cleaned into a name: no lead-in, no article, no trailing qualifier, a few words. */
function tidy(raw: string): string | undefined {
  let p = trimChars(raw.trim(), '', ' .,;:!?').replace(COPULA, '');
  // A list of themes ("…: bolstering security, optimizing …"): the first is the lead.
  const list = THEME_LIST.exec(p);
  if (list?.[1]) p = list[1].replace(GERUND, '');
  for (let i = 0; i < 3; i++) {
    const before = p;
    p = p
      .replace(LEADS, '')
      .replace(VERB_LEADS, (m) => (/^(?:understanding|improving)/i.test(m) && words(p) > 3 ? '' : m))
      .replace(ARTICLE, '');
    const nominal = /^(\p{L}+) of\s+/iu.exec(p);
    if (nominal && NOMINAL[nominal[1]!.toLowerCase()]) p = `${NOMINAL[nominal[1]!.toLowerCase()]} ${p.slice(nominal[0].length)}`;
    if (p === before) break;
  }
  if (words(p) > MAX_WORDS) p = p.replace(FILLER, '');
  for (const q of QUALIFIERS) {
    if (words(p) <= MAX_WORDS) break;
    const at = p.toLowerCase().indexOf(q);
    if (at > 0 && words(p.slice(0, at)) >= 2) p = p.slice(0, at);
  }
  p = trimChars(p.trim(), '', ' .,;:!?');
  if (!p || words(p) > MAX_WORDS + 3 || words(p) < 1 || /[“”"()]/.test(p) || /^(?:this|these|that|it|they)\b/i.test(p)) return undefined;
  return capitalise(p);
}

/** The key phrase of a framing sentence, or undefined when it has none a pattern can tell. */
export function framingPhrase(sentence: string): string | undefined {
  const s = trimChars(sentence.trim(), '', ' .!');
  for (const re of LINKS) {
    const m = re.exec(s);
    if (m?.[1]) {
      const name = tidy(m[1]);
      if (name) return name;
    }
  }
  const emerging = EMERGING.exec(s);
  if (emerging?.[1]) return tidy(emerging[1]);
  const subject = SUBJECT.exec(s);
  if (subject?.[1] && words(subject[1]) <= MAX_WORDS + 3) return tidy(subject[1]);
  return undefined;
}

export interface ThemeText {
  readonly name: string;
  /** The framing sentences, whole, in order; empty when every sentence is about a paper. */
  readonly summary: string;
}

/**
 * Names a Big Ideas paragraph. `aboutPaper` says whether a sentence is one of the paper sentences
 * the parser attributed to a paper; the rest frame the theme. The name is the first framing
 * sentence's key phrase, else a `<strong>` key phrase, else the domain a paper sentence opens with
 * ("For Bayesian deep learning, …"), else `fallback` (the paragraph's lead clause).
 */
export function nameTheme(paragraph: string, aboutPaper: (sentence: string) => boolean, keyPhrases: readonly string[], fallback: string): ThemeText {
  const sentences = paragraphSentences(paragraph);
  const framing = sentences.filter((s) => !aboutPaper(s));
  const summary = framing.join(' ');
  // The framing before the first paper sentence is where the theme is named.
  const firstPaper = sentences.findIndex(aboutPaper);
  const lead = (firstPaper < 0 ? sentences : sentences.slice(0, firstPaper)).slice(0, 3);
  for (const s of lead) {
    const phrase = framingPhrase(s);
    if (phrase) return { name: phrase, summary };
  }
  const key = keyPhrases.map(tidy).find((k): k is string => k !== undefined);
  if (key) return { name: key, summary };
  // A paragraph that opens on a paper may still say what it is about ("Beyond these, a new perspective on … is presented in …").
  const opening = sentences[0] && framingPhrase(sentences[0]);
  if (opening && !/:/.test(opening)) return { name: opening, summary };
  const advances = sentences[0] && ADVANCES.exec(sentences[0]);
  if (advances?.[1] && !/^(?:this|these|it|they|the paper)\b/i.test(advances[1]))
    return { name: capitalise(advances[1].replace(/\s+(?:also|too|likewise)$/i, '')), summary };
  const beyond = sentences[0] && BEYOND.exec(sentences[0]);
  if (beyond?.[1] && words(beyond[1]) <= 4) return { name: capitalise(beyond[1]), summary };
  const domain = sentences[0] && FOR_DOMAIN.exec(sentences[0]);
  if (domain?.[1] && !/^(?:instance|example|example,|this|these|that)\b/i.test(domain[1]) && words(domain[1]) <= 5)
    return { name: capitalise(domain[1]), summary };
  return { name: fallback, summary };
}

/** The last resort for a paragraph no rule names: its lead clause when short and whole, else a plain label. */
export function fallbackName(leadClause: string): string {
  return !leadClause.endsWith('…') && words(leadClause) <= MAX_WORDS && !/[“”"]/.test(leadClause) ? leadClause : 'Further work';
}

const STOP = new Set(
  'a an and are as at be been being between beyond both but by can could do does for from has have in into is it its more most new not novel of on or our over paper papers per research researchers show shows such than that the their them these they this those through to toward towards under up upon use used uses using via was we well were what when where which while who will with within without work works also another approach approaches based method methods model models framework frameworks propose proposes proposed introduce introduces introduced present presents offer offers demonstrate demonstrates significant significantly key like example instance et al university institute lab team'.split(
    ' ',
  ),
);

function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}][\p{L}\p{N}-]{2,}/gu) ?? []).filter((w) => !STOP.has(w));
}

/**
 * The terms that set one paragraph apart from the others of its digest, as a name: its most
 * distinctive repeated word pair, else its most distinctive repeated word ("Generalization bounds",
 * "Theoretical work"). Undefined when the paragraph repeats no term.
 */
export function distinctiveName(paragraph: string, others: DocumentFrequencies): string | undefined {
  const tf = new Map<string, number>();
  for (const t of pairsAndWords(paragraph)) tf.set(t, (tf.get(t) ?? 0) + 1);
  // The other paragraphs' frequencies: all of them less this one's own.
  const df = (t: string): number => (others.df.get(t) ?? 0) - (tf.has(t) ? 1 : 0);
  const n = Math.max(others.paragraphs - 1, 0);
  const score = (t: string): number => (tf.get(t) ?? 0) * Math.log((n + 2) / (1 + Math.max(df(t), 0)));
  const ranked = [...tf.keys()].filter((t) => (tf.get(t) ?? 0) >= 2).sort((a, b) => score(b) - score(a) || (a < b ? -1 : 1));
  const pair = ranked.find((t) => t.includes(' '));
  if (pair && score(pair) >= score(ranked[0]!) / 2) return capitalise(pair);
  const single = ranked.find((t) => !t.includes(' '));
  if (!single) return undefined;
  // An adjective alone ("theoretical") names the kind of work.
  return capitalise(/(?:al|ic|ive|ous|ary)$/.test(single) ? `${single} work` : single);
}

/** In how many of a digest's paragraphs each word and word pair occurs. */
export interface DocumentFrequencies {
  readonly paragraphs: number;
  readonly df: ReadonlyMap<string, number>;
}

export function documentFrequencies(paragraphs: readonly string[]): DocumentFrequencies {
  const df = new Map<string, number>();
  for (const p of paragraphs) for (const t of new Set(pairsAndWords(p))) df.set(t, (df.get(t) ?? 0) + 1);
  return { paragraphs: paragraphs.length, df };
}

function pairsAndWords(text: string): string[] {
  const out: string[] = [];
  // Pairs only within a run of content words: "generalization bounds", not "bounds deep".
  for (const run of text.toLowerCase().split(/[^\p{L}\p{N}\s-]+|\s(?:a|an|and|are|as|at|by|for|from|in|into|is|of|on|or|the|to|via|with)\s/u)) {
    const ws = terms(run);
    out.push(...ws);
    for (let i = 1; i < ws.length; i++) out.push(`${ws[i - 1]} ${ws[i]}`);
  }
  return out;
}

/**
 * The digest's Big Ideas themes named and summarised: the paper sentences the parser attributed
 * to a theme's papers are what is not framing. Under the Hood categories keep their names.
 */
export function nameThemes(themes: readonly Theme[], papers: readonly PaperMention[]): Theme[] {
  // Each theme's paper sentences and names, gathered in one pass over the mentions.
  const sentences = themes.map(() => new Set<string>());
  const names = themes.map(() => new Set<string>());
  for (const m of papers) {
    for (const c of m.contexts) {
      if (c.theme === undefined || !sentences[c.theme]) continue;
      for (const s of paragraphSentences(c.text)) sentences[c.theme]!.add(s);
      for (const name of [m.title, m.name]) if (name && name.length > 2) names[c.theme]!.add(name);
    }
  }
  // The words that set a paragraph apart are its own, not its papers' titles.
  const own = themes.map((t, i) => (t.section === 'bigIdeas' ? [...names[i]!].reduce((text, name) => text.split(name).join(' '), t.summary) : ''));
  const frequencies = documentFrequencies(own.filter((_, i) => themes[i]!.section === 'bigIdeas'));
  return themes.map((t, i) => {
    if (t.section !== 'bigIdeas') return t;
    const { name, summary } = nameTheme(
      t.summary,
      (s) => sentences[i]!.has(s),
      t.keyPhrases ?? [],
      distinctiveName(own[i]!, frequencies) ?? fallbackName(t.title),
    );
    return { ...t, title: name, summary, text: t.summary };
  });
}
