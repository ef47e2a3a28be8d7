/**
 * The hosts Digest Lens reads, taken from the manifest so the list lives in one place:
 * content-script hosts (who may send page messages) and host permissions (what to ask again for).
 */
import { api } from '../transport.ts';

function hostOfPattern(pattern: string): string | undefined {
  return /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1];
}

let contentHosts: Set<string> | undefined;

function contentHostSet(): Set<string> {
  contentHosts ??= new Set((api.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []).flatMap((m) => hostOfPattern(m) ?? []));
  return contentHosts;
}

/** The hosts the content script runs on (where the chip can show), sorted. */
export function contentScriptHosts(): string[] {
  return [...contentHostSet()].sort();
}

export function isContentScriptHost(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && contentHostSet().has(u.hostname);
  } catch {
    return false;
  }
}

/** Host patterns of the pages Digest Lens reads (not the sync sources': asking for those is sync's job). */
export function manifestHostPatterns(): string[] {
  return (api.runtime.getManifest().host_permissions ?? []).filter((p: string) => contentHostSet().has(hostOfPattern(p) ?? ''));
}

/** Host patterns of the manifest that are not granted now (withheld "on click", or removed). */
export async function missingHostPatterns(): Promise<string[]> {
  const granted = new Set((await api.permissions.getAll()).origins ?? []);
  if (granted.has('<all_urls>')) return [];
  return manifestHostPatterns().filter((p) => !granted.has(p));
}
