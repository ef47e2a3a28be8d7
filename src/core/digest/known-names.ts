import type { Anchor } from './anchors.ts';
import { isCapitalised, isNameLike, NAME_SUFFIXES } from './lexicon.ts';
import { withoutBrackets } from './names.ts';
import type { Sentence } from './sentence.ts';

/**
 * Names the digest has already introduced ("HADS-Net", "Trust the Prior"), found again anywhere
 * in it: an Impact paragraph naming a Big Ideas paper adds that section to the same paper.
 */
const MAX_PER_WORD = 40;

export class KnownNames {
  private readonly byFirstWord = new Map<string, string[][]>();

  add(name: string): void {
    for (const variant of variants(name)) {
      const words = variant.split(' ');
      if (!distinctive(words)) continue;
      const list = this.byFirstWord.get(words[0]!) ?? [];
      // A cap per first word keeps lookups cheap on hostile input (5,000 names all starting "Deep").
      if (list.length >= MAX_PER_WORD || list.some((w) => w.join(' ') === variant)) continue;
      list.push(words);
      this.byFirstWord.set(words[0]!, list);
    }
  }

  find(s: Sentence): Anchor[] {
    const out: Anchor[] = [];
    const tokens = s.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirstWord.get(tokens[i]!.core);
      if (!candidates) continue;
      for (const words of candidates) {
        let ok = i + words.length <= tokens.length;
        for (let k = 0; ok && k < words.length; k++) {
          const t = tokens[i + k]!;
          ok = t.core === words[k] && (k === 0 || t.lead === '') && (k === words.length - 1 || t.trail === '');
        }
        if (!ok) continue;
        const first = tokens[i]!;
        const last = tokens[i + words.length - 1]!;
        out.push({ kind: 'known', start: first.start + first.lead.length, end: last.start + last.lead.length + last.core.length, name: words.join(' ') });
        break;
      }
    }
    return out;
  }
}

function variants(name: string): string[] {
  const plain = withoutBrackets(name).replace(/[:,;.]+$/, '');
  const words = plain.split(' ');
  const out = [plain];
  if (words.length > 1 && NAME_SUFFIXES.has(words.at(-1)!.toLowerCase())) out.push(words.slice(0, -1).join(' '));
  return out;
}

function distinctive(words: readonly string[]): boolean {
  if (words.length === 1) return words[0]!.length >= 3 && isNameLike(words[0]!);
  return words.length <= 8 && (isCapitalised(words[0]!) || isNameLike(words[0]!)) && words.join(' ').length >= 8;
}
