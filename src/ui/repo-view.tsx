import type { LookupResult } from '../core/index/view.ts';
import { PaperSection } from './paper-section.tsx';

/** A GitHub repository: the paper(s) whose code it is; papers that only cite it, apart. */
export function RepoView({ name, result, open }: { name: string; result: LookupResult; open?: (key: string) => void }) {
  return (
    <>
      {result.papers.length > 0 && <p class="lead">{result.papers.length === 1 ? 'The code of this paper:' : `The code of ${result.papers.length} papers:`}</p>}
      {result.papers.map((v) => (
        <PaperSection key={v.paper.key} view={v} digests={result.digests} {...(open ? { open } : {})} />
      ))}
      {result.cited.length > 0 && (
        <section class="cited" aria-label="Cited as code">
          <h2 class="section-title">Cited as code</h2>
          <p class="muted">These papers give {name} as code they build on, not as their own.</p>
          {result.cited.map((v) => (
            <PaperSection key={v.paper.key} view={v} digests={result.digests} {...(open ? { open } : {})} />
          ))}
        </section>
      )}
    </>
  );
}
