// Small hand-made digests for record tests: only the fields a test names, the rest filled plainly.
import type { CodeLink, Digest, PaperMention, Section } from '../../src/core/digest/types.ts';
import { parseArxivId } from '../../src/core/ids/arxiv-id.ts';
import { parseGithubUrl } from '../../src/core/ids/github-repo.ts';

export interface MentionSpec {
  name: string;
  title?: string;
  arxiv?: string;
  code?: string[];
  datasets?: string[];
  theme?: number;
  section?: Section;
  context?: string;
}

export function code(url: string): CodeLink {
  const ref = parseGithubUrl(url);
  if (ref?.kind === 'github-repo') return { url, kind: 'repo', github: ref.key };
  if (ref?.kind === 'github-org') return { url, kind: 'org', github: ref.key };
  return { url, kind: 'site' };
}

export function mention(s: MentionSpec): PaperMention {
  const section = s.section ?? 'bigIdeas';
  const text = s.context ?? `${s.name} does something.`;
  return {
    name: s.name,
    ...(s.title ? { title: s.title } : {}),
    ...(s.arxiv ? { arxivId: parseArxivId(s.arxiv)!.id } : {}),
    codeUrls: (s.code ?? []).map(code),
    datasets: s.datasets ?? [],
    institutions: [],
    authors: [],
    placeholderAuthors: false,
    ...(s.theme !== undefined ? { theme: s.theme } : {}),
    section,
    sections: [section],
    context: text,
    contexts: [{ section, text, ...(s.theme !== undefined ? { theme: s.theme } : {}) }],
  };
}

export function digest(id: string, date: string, papers: MentionSpec[], themes = 2): Digest {
  return {
    id,
    url: `https://example.org/${id}`,
    source: 'example.org',
    format: 'text',
    title: `Digest ${id}`,
    topic: 'deep learning',
    date,
    paperCount: papers.length,
    intro: 'Intro.',
    themes: Array.from({ length: themes }, (_, i) => ({ title: `Theme ${i}`, summary: `Summary ${i}`, section: 'bigIdeas' as const })),
    papers: papers.map(mention),
    warnings: [],
    parserVersion: 1,
  };
}
