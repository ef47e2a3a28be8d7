/**
 * The hosts Digest Lens reads, taken from the manifest so the list lives in one place:
 * content-script hosts (who may send page messages) and host permissions (what to ask again for).
 */
import { api } from '../messages.ts';

function hostOfPattern(pattern: string): string | undefined {
  return /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1];
}

let contentHosts: Set<string> | undefined;

export function isContentScriptHost(url: string | undefined): boolean {
  if (!url) return false;
  contentHosts ??= new Set(
    (api.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []).flatMap((m) => hostOfPattern(m) ?? []),
  );
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && contentHosts.has(u.hostname);
  } catch {
    return false;
  }
}

export function manifestHostPatterns(): string[] {
  return [...(api.runtime.getManifest().host_permissions ?? [])];
}

/** Host patterns of the manifest that are not granted now (withheld "on click", or removed). */
export async function missingHostPatterns(): Promise<string[]> {
  const granted = new Set((await api.permissions.getAll()).origins ?? []);
  if (granted.has('<all_urls>')) return [];
  return manifestHostPatterns().filter((p) => !granted.has(p));
}
