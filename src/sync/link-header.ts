/** The links of an HTTP `Link` header: `<url>; rel="next", <url>; rel="https://api.w.org/"`. */
export function parseLinkHeader(value: string | null | undefined, base: string): { url: string; rels: string[] }[] {
  if (!value) return [];
  const out: { url: string; rels: string[] }[] = [];
  for (const m of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+(?:=(?:"[^"]*"|[^;,]*))?)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(m[2] ?? '');
    try {
      out.push({ url: new URL(m[1]!, base).href, rels: (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/).filter(Boolean) });
    } catch {
      // An unparseable target is skipped, not fatal.
    }
  }
  return out;
}

export function linkWithRel(value: string | null | undefined, base: string, rel: string): string | undefined {
  return parseLinkHeader(value, base).find((l) => l.rels.includes(rel))?.url;
}
