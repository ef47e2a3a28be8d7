import { createContext } from 'preact';
import type { SyncStore } from '../ui/sync-store.ts';
import type { PanelStore } from './panel-store.ts';

export const PanelStoreContext = createContext<PanelStore | undefined>(undefined);

/** Sync as the panel shows it (a page no digest names offers to sync), with the way to set it up. */
export const PanelSyncContext = createContext<{ sync: SyncStore; setUp: () => void } | undefined>(undefined);
