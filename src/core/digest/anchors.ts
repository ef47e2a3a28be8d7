import { type Anchor, resolveAnchors } from './anchor.ts';
import { listAnchors, subjectAnchors } from './anchors-guessed.ts';
import { linkAnchors } from './anchors-linked.ts';
import { colonTitleAnchors, inTitleAnchors, peopleMask, quoteAnchors, titleBefore } from './anchors-titled.ts';
import type { PeoplePhrase } from './people-phrases.ts';
import type { Sentence } from './sentence.ts';

export { type Anchor, type AnchorKind, resolveAnchors } from './anchor.ts';

/** Every place a sentence names a paper, before names known from elsewhere in the digest are added. */
export function findAnchors(s: Sentence, people: readonly PeoplePhrase[]): Anchor[] {
  const found: Anchor[] = [];
  // Written-out arXiv URLs are links whose text is the URL: linkAnchors reads the name before the bracket.
  linkAnchors(s, found);
  quoteAnchors(s, found);
  const mask = peopleMask(s, people);
  for (const p of people) {
    if (p.trigger === undefined) continue;
    const a = titleBefore(s, p.trigger, mask);
    if (a) found.push(a);
  }
  inTitleAnchors(s, found);
  colonTitleAnchors(s, found);
  const guesses: Anchor[] = [];
  subjectAnchors(s, guesses);
  listAnchors(s, guesses);
  // "SENSE from SMART and MIT synthesizes": a name inside a list of people or places is not a paper.
  found.push(...guesses.filter((a) => !people.some((p) => a.start < p.end && p.start < a.end)));
  const resolved = resolveAnchors(found);
  // A part ("a “Critic-Agent” that …") is the paper's own only when the sentence names no paper.
  return resolved.some((a) => !a.part) ? resolved.filter((a) => !a.part) : resolved;
}
