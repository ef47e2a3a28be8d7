import { useContext } from 'preact/hooks';
import type { TabView } from '../core/index/view.ts';
import { AccessNeeded } from '../ui/access-needed.tsx';
import { NoPaper } from '../ui/no-paper.tsx';
import { NotIndexed } from '../ui/not-indexed.tsx';
import { OrgView } from '../ui/org-view.tsx';
import { describeSubject, PageLine } from '../ui/page-line.tsx';
import { PaperSection } from '../ui/paper-section.tsx';
import { RepoView } from '../ui/repo-view.tsx';
import type { PanelStore } from './panel-store.ts';
import { PanelStoreContext, PanelSyncContext } from './store-context.ts';

export function App() {
  const store = useContext(PanelStoreContext)!;
  const view = store.view.value;
  const error = store.error.value;
  return (
    <main class="panel" aria-busy={(store.paper.value ? !store.paper.value.result : view === undefined) && !error}>
      <h1 class="sr-only">Digest Lens</h1>
      {error && (
        <p class="state error" role="alert">
          Digest Lens could not answer: {error}{' '}
          <button type="button" class="link-button" onClick={() => void store.refresh()}>
            Try again
          </button>
        </p>
      )}
      {store.paper.value ? (
        <PaperMode store={store} />
      ) : (
        <>
          {!view && !error && <p class="muted">Looking this tab up…</p>}
          {view && <TabContent view={view} store={store} />}
        </>
      )}
    </main>
  );
}

function TabContent({ view, store }: { view: TabView; store: PanelStore }) {
  const counters = store.counters.value;
  const syncing = useContext(PanelSyncContext);
  const open = (key: string) => void store.showPaper(key);
  if (view.access === 'none' && view.missingHosts.length > 0) {
    return <AccessNeeded hosts={view.missingHosts} onGrant={() => void store.grantHosts(view.missingHosts)} />;
  }
  const { detection, lookup } = view;
  if (!detection || !lookup) return <NoPaper digests={counters?.digests} papers={counters?.papers} />;
  const ref = detection.ref;
  let body;
  if (lookup.status === 'not-indexed') {
    // A paper page's title is worth showing; a GitHub page's document title is not.
    const title = ref.kind === 'arxiv' || ref.kind === 'title' ? (view.pageTitle ?? detection.title) : undefined;
    const query = title ?? (ref.kind === 'arxiv' ? ref.id : ref.kind === 'github-repo' ? ref.repo : ref.kind === 'github-org' ? ref.owner : undefined);
    body = (
      <NotIndexed
        what={describeSubject(detection)}
        {...(title ? { title } : {})}
        {...(query ? { query } : {})}
        {...(counters ? { counters } : {})}
        {...(syncing ? { sync: syncing.sync, onSetUpSync: syncing.setUp } : {})}
        {...(view.closest ? { closest: view.closest } : {})}
        open={open}
      />
    );
  } else if (ref.kind === 'github-repo') {
    body = <RepoView name={`${ref.owner}/${ref.repo}`} result={lookup} open={(key) => void store.showPaper(key)} />;
  } else if (ref.kind === 'github-org') {
    body = <OrgView name={ref.owner} result={lookup} open={(key) => void store.showPaper(key)} />;
  } else {
    // The page's own citation tags describe the paper it shows, not others the lookup found.
    const cites = (key: string) => (view.citation && ref.kind === 'arxiv' && key === ref.id ? { citation: view.citation } : {});
    body = lookup.papers.map((v) => <PaperSection key={v.paper.key} view={v} digests={lookup.digests} open={open} {...cites(v.paper.key)} />);
  }
  return (
    <>
      <PageLine detection={detection} />
      {body}
    </>
  );
}

/** One paper the reader chose in the popup, until they go back to following the tab. */
function PaperMode({ store }: { store: PanelStore }) {
  const { result } = store.paper.value!;
  return (
    <>
      <p class="page-line">
        Chosen in search ·{' '}
        <button type="button" class="link-button" onClick={() => void store.showPaper(undefined)}>
          Back to this tab
        </button>
      </p>
      {!result && <p class="muted">Loading the paper…</p>}
      {result && result.papers.length === 0 && <p class="state">That paper is no longer in your index.</p>}
      {result?.papers.map((v) => (
        <PaperSection key={v.paper.key} view={v} digests={result.digests} open={(key) => void store.showPaper(key)} />
      ))}
    </>
  );
}
