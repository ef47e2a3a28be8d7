import { type Handler, Parser } from 'htmlparser2';

export interface ScanHandler {
  open?(name: string, attribs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export interface ScanResult {
  /** Elements still open when the input ended: the HTML was cut short (or is sloppy). */
  readonly unclosed: number;
  /** Parsing stopped early because elements nested deeper than anyone writes by hand. */
  readonly tooDeep: boolean;
  /** The input ends inside a tag (`…<a href="https://arx`). */
  readonly cutInTag: boolean;
}

// htmlparser2 keeps its open-element stack in an array it unshifts and searches, which is
// quadratic in nesting depth; feeding small chunks and stopping past this depth keeps it linear.
const MAX_DEPTH = 256;
const CHUNK = 4096;

/** Streams HTML (or XML) through htmlparser2's callbacks, never building a DOM. */
export function scanHtml(input: string, handler: ScanHandler, xmlMode = false): ScanResult {
  let depth = 0;
  let tooDeep = false;
  const cbs: Partial<Handler> = {
    onopentag(name, attribs) {
      depth++;
      if (!tooDeep) handler.open?.(name, attribs);
    },
    onclosetag(name) {
      depth = Math.max(0, depth - 1);
      if (!tooDeep) handler.close?.(name);
    },
    ontext(text) {
      if (!tooDeep) handler.text?.(text);
    },
  };
  const parser = new Parser(cbs, { xmlMode, decodeEntities: true, recognizeCDATA: true });
  let unclosed = 0;
  for (let i = 0; i < input.length; i += CHUNK) {
    parser.write(input.slice(i, i + CHUNK));
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      break;
    }
  }
  // Count what is still open before end() closes it implicitly.
  unclosed = depth;
  if (!tooDeep) parser.end();
  return { unclosed, tooDeep, cutInTag: input.lastIndexOf('<') > input.lastIndexOf('>') };
}

/** Plain text of an HTML fragment (a title, a feed field): tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  scanHtml(html, { text: (t) => parts.push(t) });
  return parts.join('').replace(/\s+/g, ' ').trim();
}
