import { findAnchors } from './anchors.ts';
import { bulletHead, bulletMention } from './bullet-mention.ts';
import { KnownNames } from './known-names.ts';
import { timeUp } from './limits.ts';
import { bracketedName, shortNameOf } from './names.ts';
import { findPeople } from './people-phrases.ts';
import { proseMentions } from './prose-mentions.ts';
import type { RawMention } from './raw-mention.ts';
import type { ReadPart } from './read-part.ts';
import type { Part } from './sections.ts';
import { sentencesOf } from './sentence.ts';

function readPart(part: Part): ReadPart {
  const sentences = sentencesOf(part.block).map((sentence) => {
    const people = findPeople(sentence);
    return { sentence, people, anchors: findAnchors(sentence, people) };
  });
  return part.bullet ? { part, sentences, head: bulletHead(part.block.text) } : { part, sentences };
}

/** Every paper mention in the post's sections, in reading order, before merging. */
export function extractMentions(parts: readonly Part[]): RawMention[] {
  // Out of time: the paragraphs not yet read give no mentions (withTimeLimit adds the warning).
  const read: ReadPart[] = [];
  for (const part of parts) {
    if (timeUp()) break;
    read.push(readPart(part));
  }
  const known = new KnownNames();
  for (const r of read) {
    if (r.head && !r.head.authors) known.add(r.head.name);
    for (const s of r.sentences) {
      for (const a of s.anchors) {
        if (a.weak) continue;
        known.add(a.name);
        if (a.title) {
          const short = shortNameOf(a.title);
          if (short) known.add(short);
          // "Long Context Sparse Attention (LCSA): …" is found again as "LCSA".
          const inner = short ? bracketedName(short) : undefined;
          if (inner) known.add(inner);
        }
      }
    }
  }
  let order = 0;
  const next = () => order++;
  const out: RawMention[] = [];
  for (const r of read) {
    if (timeUp()) break;
    if (r.head) out.push(bulletMention(r, next()));
    else out.push(...proseMentions(r, known, next));
  }
  return out;
}
