import { describe, expect, it } from 'vitest';
import { shortNameKey, titleKey } from './title-key.ts';

describe('titleKey', () => {
  it.each([
    ['curly and straight double quotes', '“Plug-in Losses for Evidential Deep Learning”', '"Plug-in Losses for Evidential Deep Learning"'],
    ['curly and straight apostrophes', 'Takeuchi’s Information Criteria', "Takeuchi's Information Criteria"],
    ['a lost apostrophe', 'Takeuchi s Information Criteria', 'Takeuchi’s Information Criteria'],
    ['en dash, em dash and hyphen', 'Vision–Language Models — A Survey', 'Vision-Language Models - A Survey'],
    ['case', 'CATASTROPHIC FORGETTING NO MORE', 'Catastrophic Forgetting No More'],
    ['full-width letters', 'ＬＬＭ Ａｇｅｎｔｓ', 'LLM Agents'],
    ['the ﬁ ligature', 'Eﬃcient ﬁne-tuning', 'Efficient fine-tuning'],
    ['HTML-ish spacing', 'Attention\u00a0Is  All\tYou\nNeed', 'Attention Is All You Need'],
    ['a composed and decomposed accent', 'Schr\u00f6dinger Bridges', 'Schro\u0308dinger Bridges'],
  ])('makes %s equal', (_, a, b) => {
    expect(titleKey(a)).toBe(titleKey(b));
  });

  it('keeps letters from every script and digits, and nothing else', () => {
    expect(titleKey('  GPT-4o: 3D Gaussian Splatting, Ωmega! ')).toBe('gpt 4o 3d gaussian splatting ωmega');
    expect(titleKey('深度学习 (Deep Learning)')).toBe('深度学习 deep learning');
  });

  it('keeps combining vowel signs inside words', () => {
    expect(titleKey('विज्ञान')).toBe('विज्ञान');
  });

  it('keys plain ASCII exactly as the full Unicode rule does (its fast path)', () => {
    const unicodeRule = (t: string) =>
      t
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
        .trim();
    const every = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    for (const t of [every, `Ab${every}Zz 09`, ' HADS-Net: Hybrid Attention (v2)\t', '']) expect(titleKey(t)).toBe(unicodeRule(t));
    for (let c = 0; c < 128; c++) expect(titleKey(`x${String.fromCharCode(c)}Y`), `char ${c}`).toBe(unicodeRule(`x${String.fromCharCode(c)}Y`));
  });

  it('still tells different titles apart', () => {
    expect(titleKey('Learning to Learn')).not.toBe(titleKey('Learning to Unlearn'));
  });

  it('is empty for punctuation only', () => {
    expect(titleKey(' — “” … ')).toBe('');
  });
});

describe('shortNameKey', () => {
  it('keys the part before the first colon', () => {
    expect(shortNameKey('MKG-CARE: Multimodal Knowledge Graph for …')).toBe('mkg care');
    expect(shortNameKey('HADS-Net')).toBe('hads net');
    expect(shortNameKey('SENSE: a: b')).toBe('sense');
  });

  it('treats a full-width colon as a colon', () => {
    expect(shortNameKey('PAD：Something Else')).toBe('pad');
  });
});
