import type { Detection } from '../core/detect/index.ts';

const KIND_LABEL: Record<Detection['pageKind'], string> = {
  abs: 'arXiv abstract page',
  pdf: 'arXiv PDF',
  html: 'arXiv HTML full text',
  mirror: 'arXiv mirror',
  other: 'arXiv page',
  repo: 'GitHub repository',
  org: 'GitHub organisation',
};

/** What the tab shows, in words: "arXiv PDF · 2602.22544", "GitHub repository · chr-is-tof/RADE-Net". */
export function describePage(d: Detection): string {
  const ref = d.ref;
  const id = ref.kind === 'arxiv' ? ref.id : ref.kind === 'github-repo' ? `${ref.owner}/${ref.repo}` : ref.kind === 'github-org' ? ref.owner : undefined;
  return id ? `${KIND_LABEL[d.pageKind]} · ${id}` : KIND_LABEL[d.pageKind];
}

/** What the not-indexed state names: "this paper (arXiv 2605.99999)". */
export function describeSubject(d: Detection): string {
  const ref = d.ref;
  switch (ref.kind) {
    case 'arxiv':
      return `this paper (arXiv ${ref.id})`;
    case 'github-repo':
      return `this repository (${ref.owner}/${ref.repo})`;
    case 'github-org':
      return `code under ${ref.owner}`;
    case 'title':
      return 'this paper';
  }
}

export function PageLine({ detection }: { detection: Detection }) {
  return <p class="page-line">{describePage(detection)}</p>;
}
