import type { SyncStore } from '../ui/sync-store.ts';
import { ChipSection } from './chip-section.tsx';
import { DataSection } from './data-section.tsx';
import { ExportSection } from './export-section.tsx';
import { Holdings } from './holdings.tsx';
import { ImportSection } from './import-section.tsx';
import type { OptionsStore } from './options-store.ts';
import { SyncSection } from './sync-section.tsx';

export function App({ store, sync }: { store: OptionsStore; sync: SyncStore }) {
  return (
    <main class="options">
      <h1>Digest Lens</h1>
      {store.error.value && (
        <p class="error" role="alert">
          Could not read the index: {store.error.value}
        </p>
      )}
      <Holdings store={store} />
      <SyncSection sync={sync} />
      <ChipSection />
      <ImportSection onDone={() => void store.refresh()} />
      <ExportSection stats={store.stats.value} />
      <DataSection counters={store.stats.value?.counters} onDone={() => void store.refresh()} />
    </main>
  );
}
