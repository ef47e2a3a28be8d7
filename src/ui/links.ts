/** Addresses the panel builds itself: arXiv pages of an id, and searches for a title. */
export function arxivLinks(id: string): { abs: string; pdf: string; html: string } {
  const path = encodeURI(id);
  return { abs: `https://arxiv.org/abs/${path}`, pdf: `https://arxiv.org/pdf/${path}`, html: `https://arxiv.org/html/${path}` };
}

export function arxivSearch(query: string): string {
  return `https://arxiv.org/search/?searchtype=all&query=${encodeURIComponent(query)}`;
}

export function scholarSearch(query: string): string {
  return `https://scholar.google.com/scholar?q=${encodeURIComponent(query)}`;
}

/** A related paper opens its arXiv page, or a search when the digest gave no id. */
export function paperHref(p: { arxivId?: string; title?: string; name: string }): string {
  return p.arxivId ? arxivLinks(p.arxivId).abs : arxivSearch(p.title ?? p.name);
}

/** "owner/repo" for GitHub links, else the host: what the reader recognises. */
export function codeLabel(link: { url: string; github?: string }): string {
  if (link.github) return link.github.includes('/') ? displayRepo(link.url, link.github) : link.github;
  try {
    return new URL(link.url).host;
  } catch {
    return link.url;
  }
}

// Keep the owner's spelling from the address (github.com/chr-is-tof/RADE-Net), not the lower-case key.
function displayRepo(url: string, key: string): string {
  try {
    const [owner, repo] = new URL(url).pathname.split('/').filter(Boolean);
    const shown = `${owner}/${repo}`;
    return shown.toLowerCase() === key ? shown : key;
  } catch {
    return key;
  }
}
