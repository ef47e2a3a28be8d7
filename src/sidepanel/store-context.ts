import { createContext } from 'preact';
import type { PanelStore } from './panel-store.ts';

export const PanelStoreContext = createContext<PanelStore | undefined>(undefined);
