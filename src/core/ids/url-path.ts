/**
 * A URL path's segments, decoded, with empty ones dropped (which collapses `//` and ignores a
 * trailing `/`). Split before decoding: an encoded %2F is part of a name, not a separator.
 */
export function pathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s; // A stray '%' is not worth failing over.
      }
    });
}
