/**
 * Title keys: how two spellings of one title are made equal. NFKC, lower case, and every run of
 * characters that are not letters or digits becomes one space — so curly and straight quotes,
 * dashes and a lost apostrophe ("Takeuchi s" for "Takeuchi's") all give the same key.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The part of a title before its first colon, keyed: "MKG-CARE: Multimodal …" → "mkg care". */
export function shortNameKey(title: string): string {
  const colon = title.indexOf(':');
  return titleKey(colon >= 0 ? title.slice(0, colon) : title);
}
