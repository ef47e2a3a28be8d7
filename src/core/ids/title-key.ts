const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/**
 * Title keys: how two spellings of one title are made equal. NFKC, lower case, and every run of
 * characters that are not letters, marks or digits becomes one space — so curly and straight
 * quotes, dashes and a lost apostrophe ("Takeuchi s" for "Takeuchi's") all give the same key.
 */
export function titleKey(title: string): string {
  // Plain ASCII (most digest text): NFKC changes nothing, and letters and digits are [a-z0-9]
  // once lower-cased — the same key, without the Unicode property scan.
  if (ASCII.test(title)) return title.toLowerCase().replace(NOT_ASCII_WORD, ' ').trim();
  return (
    title
      .normalize('NFKC')
      .toLowerCase()
      // Marks stay: in Devanagari, Thai and similar scripts vowel signs are part of the word, and
      // turning them into spaces would split words apart.
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** The part of a title before its first colon, keyed: "MKG-CARE: Multimodal …" → "mkg care". */
export function shortNameKey(title: string): string {
  // NFKC first so a full-width colon (U+FF1A) also ends the short name.
  const text = title.normalize('NFKC');
  const colon = text.indexOf(':');
  return titleKey(colon >= 0 ? text.slice(0, colon) : text);
}
