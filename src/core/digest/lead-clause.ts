import { splitSentences } from './sentences.ts';
import { trimChars } from './trim.ts';

/** A paragraph's lead clause as a theme title: its first sentence up to a colon or semicolon, ≤ `max` characters, cut at a word. */
export function leadClause(text: string, max = 80): string {
  const first = splitSentences(text.length > 2000 ? text.slice(0, 2000) : text)[0];
  let lead = first ? text.slice(first.start, first.end) : text;
  for (const sep of [': ', '; ', ' — ', ' – ']) {
    const at = lead.indexOf(sep);
    // A colon before a capital is a title's ("Bound to Disagree: Generalization …"), not the clause's end.
    if (at >= 15 && !(sep === ': ' && /\p{Lu}/u.test(lead[at + 2] ?? ''))) lead = lead.slice(0, at);
  }
  lead = trimChars(lead.trim(), '', ' .,;:!?');
  if (lead.length <= max) return lead;
  const space = lead.lastIndexOf(' ', max - 1);
  return `${trimChars(lead.slice(0, space > max / 2 ? space : max - 1), '', ' ,;:')}…`;
}
