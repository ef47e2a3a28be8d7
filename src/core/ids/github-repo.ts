/**
 * GitHub repositories and organisations: the only place their keys are made.
 * Keys are lower case (GitHub compares names case-insensitively); display case is kept apart.
 */

import reservedNames from 'github-reserved-names/reserved-names.json' with { type: 'json' };
import { pathSegments } from './url-path.ts';

export interface GithubRepoRef {
  readonly kind: 'github-repo';
  /** `owner/repo`, lower case. */
  readonly key: string;
  readonly owner: string;
  readonly repo: string;
}

export interface GithubOrgRef {
  readonly kind: 'github-org';
  /** Owner name, lower case. */
  readonly key: string;
  readonly owner: string;
}

// Product paths newer than the maintained list. The package's "existing reserved names" (avatars,
// assets, labels, media, tasks, …) are left out on purpose: it documents them as ordinary
// user/organisation pages that can own repositories.
const EXTRA_RESERVED = ['codespaces', 'copilot', 'models', 'enterprises', 'solutions', 'premium-support', 'accelerator'];
const RESERVED = new Set<string>([...(reservedNames as string[]), ...EXTRA_RESERVED].map((n) => n.toLowerCase()));

// GitHub owner names: alphanumerics and single hyphens, not at either end, at most 39 characters.
const OWNER = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;
// Repository names: letters, digits, '.', '-', '_'; '.' and '..' are not names.
const REPO = /^[\w.-]{1,100}$/;

export function isReservedOwner(name: string): boolean {
  return RESERVED.has(name.toLowerCase());
}

export function isValidOwner(name: string): boolean {
  return OWNER.test(name) && !isReservedOwner(name);
}

function cleanRepoName(name: string): string | undefined {
  let repo = name;
  if (/\.git$/i.test(repo)) repo = repo.slice(0, -4);
  if (!REPO.test(repo) || repo === '.' || repo === '..') return undefined;
  return repo;
}

export function repoRef(owner: string, repo: string): GithubRepoRef | undefined {
  const clean = cleanRepoName(repo);
  if (!isValidOwner(owner) || clean === undefined) return undefined;
  return { kind: 'github-repo', key: `${owner}/${clean}`.toLowerCase(), owner, repo: clean };
}

export function orgRef(owner: string): GithubOrgRef | undefined {
  return isValidOwner(owner) ? { kind: 'github-org', key: owner.toLowerCase(), owner } : undefined;
}

/**
 * A github.com address → the repository or organisation it shows, or undefined.
 * `github.com/owner/repo[/tree/…|/blob/…|/issues|…][.git][/]`, query and fragment ignored.
 */
export function parseGithubUrl(input: string | URL): GithubRepoRef | GithubOrgRef | undefined {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(/^[a-z][\w+.-]*:/i.test(input) ? input : `https://${input}`) : input;
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  if (host !== 'github.com' && host !== 'www.github.com') return undefined;
  const [owner, repo, third] = pathSegments(url.pathname);
  if (owner === undefined) return undefined;
  if (repo === undefined) return orgRef(owner);
  // /owner/repo/generate is the "use this template" form, not a repository page.
  if (third === 'generate') return undefined;
  return repoRef(owner, repo);
}

/** Parses `owner/repo` as written in text or a meta tag (octolytics-dimension-repository_nwo). */
export function parseRepoSlug(slug: string): GithubRepoRef | undefined {
  const parts = slug.trim().split('/');
  if (parts.length !== 2) return undefined;
  return repoRef(parts[0]!, parts[1]!);
}

export function githubRepoUrl(ref: GithubRepoRef): string {
  return `https://github.com/${ref.owner}/${ref.repo}`;
}
