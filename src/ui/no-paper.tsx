/** The tab shows no paper or repository we recognise (another site, a listing or search page). */
export function NoPaper({ digests, papers }: { digests?: number | undefined; papers?: number | undefined }) {
  return (
    <section class="state no-paper" data-state="no-paper">
      <h2>No paper on this tab</h2>
      <p>Open an arXiv paper (abstract, PDF or HTML page), a mirror such as alphaXiv, or a GitHub repository to see what the digests say about it.</p>
      {digests !== undefined && (
        <p class="muted">
          Your index holds {digests} {digests === 1 ? 'digest' : 'digests'}
          {papers !== undefined ? ` and ${papers} papers` : ''}.
        </p>
      )}
    </section>
  );
}
