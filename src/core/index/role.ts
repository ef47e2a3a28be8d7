/**
 * A paper's one-line role in its theme, from the digest's sentence about it: what it does, without
 * its title and attribution. "HARU-Net: Hybrid Attention … by Naveed and Pauwels from Aarhus
 * University introduces a hybrid attention U-Net that denoises low-dose CT images while
 * preserving critical anatomical edges." → "Introduces a hybrid attention U-Net that denoises
 * low-dose CT images while preserving critical anatomical edges".
 */

const MAX = 140;

// What a digest sentence says a paper does, after its name and attribution.
const VERBS =
  'introduces|introduce|proposes|propose|presents|present|offers|offer|develops|develop|unveils|unveil|tackles|tackle|addresses|address|shows|show|demonstrates|demonstrate|reveals|reveal|uses|use|leverages|leverage|employs|employ|achieves|achieve|provides|provide|explores|explore|investigates|investigate|examines|examine|enables|enable|improves|improve|enhances|enhance|combines|combine|integrates|integrate|simplifies|simplify|synthesizes|synthesises|synthesize|generates|generate|automates|automate|uncovers|uncover|argues|argue|finds|find|establishes|establish|extends|extend|applies|apply|adapts|adapt|outperforms|outperform|delivers|deliver|builds|build|designs|design|creates|create|bridges|bridge|formalizes|formalises|derives|derive|benchmarks|benchmark|evaluates|evaluate|advances|advance|pioneers|pioneer|targets|target|redefines|rethinks';
const VERB = new RegExp(`(?:^|[\\s,;)])((?:also |further |then |significantly )?(?:${VERBS}))\\b`, 'iu');

const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function cut(text: string, max = MAX): string {
  // Addresses and code notes belong to the paper's links, not to what it does.
  const t = text
    .replace(/\s*\((?:https?:\/\/|Paper:|Code:)[^)]*\)/giu, '')
    .replace(/\s*\[?\b(?:Code|Paper):.*$/iu, '')
    .trim()
    .replace(/\s+/g, ' ');
  if (t.length <= max) return t.replace(/[.;:,]+$/, '');
  const space = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, space > max / 2 ? space : max - 1).replace(/[.;:,]+$/, '')}…`;
}

/**
 * The role: from the first verb after the paper's name (or its title) to the end of the sentence,
 * capitalised and at most 140 characters; undefined when the sentence says nothing of the paper
 * beyond naming it.
 */
export function paperRole(sentence: string, names: readonly string[]): string | undefined {
  const first = sentence.split(/(?<=[.!?])\s+(?=[A-Z“"])/u)[0] ?? sentence;
  // Start looking after the last of its names the sentence contains: the verb follows the subject.
  let from = 0;
  for (const n of names) {
    if (n.length < 2) continue;
    const at = first.indexOf(n);
    if (at >= 0) from = Math.max(from, at + n.length);
  }
  const role = fromVerb(first.slice(from)) ?? afterAttribution(first.slice(from)) ?? afterColon(first, names) ?? fromVerb(first);
  return role && role.split(' ').length >= 3 ? capitalise(cut(role)) : undefined;
}

function fromVerb(text: string): string | undefined {
  const verb = VERB.exec(text);
  if (!verb) return undefined;
  const start = verb.index + verb[0].length - verb[1]!.length;
  const role = text.slice(start).replace(/^(?:also|further|then|significantly)\s+/i, '');
  const [word = '', ...rest] = role.split(' ');
  return [thirdPerson(word), ...rest].join(' ');
}

// "… by Okafor et al. from the University of Lagos trades a little accuracy for …": past the
// attribution (capitalised names, "et al.", "from the …"), the first lower-case word ending in -s.
const ATTRIBUTION_WORDS = new Set(['by', 'et', 'al', 'al.', 'and', 'from', 'the', 'of', 'at', 'in', 'de', 'van', 'von', '&']);
function afterAttribution(text: string): string | undefined {
  const tokens = text.trim().split(/\s+/);
  if (tokens[0] !== 'by') return undefined;
  let i = 1;
  while (i < tokens.length && (/^[\p{Lu}(]/u.test(tokens[i]!) || ATTRIBUTION_WORDS.has(tokens[i]!.replace(/,$/, '')))) i++;
  const verb = tokens[i];
  return verb && /^[a-z]+s$/.test(verb) && !/(?:ss|us)$/.test(verb) ? tokens.slice(i).join(' ') : undefined;
}

// A bullet: "RADE-Net: A robust attention network for radar-only object detection …".
function afterColon(text: string, names: readonly string[]): string | undefined {
  for (const n of names) {
    if (!text.startsWith(n)) continue;
    const m = /^\s*(?:\([^)]{0,80}\))?\s*:\s+(.+)$/u.exec(text.slice(n.length));
    if (m?.[1]) return m[1];
  }
  return undefined;
}

// "Kaysarul Anas Apurba et al. use a …" → "uses a …": the role reads as the paper's.
function thirdPerson(verb: string): string {
  const w = verb.toLowerCase();
  if (w.endsWith('s') && !/(?:ss|us)$/.test(w)) return verb;
  if (/(?:s|sh|ch|x|z)$/.test(w)) return `${verb}es`;
  if (/[^aeiou]y$/.test(w)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}
