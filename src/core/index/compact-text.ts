/**
 * The same plain-data value with every string made anew. V8 keeps text cut from a larger string at
 * that string's width, so a post with one character beyond Latin-1 (a curly quote, a dash) holds
 * all its text at two bytes a character, plain ASCII included, and IndexedDB stores each string as
 * it is held. JSON.parse makes each string one byte a character wherever its text allows.
 */
export function compactText<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
