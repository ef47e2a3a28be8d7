import { getChipSettings } from '../chip-settings.ts';
import { contentScriptHosts } from '../hosts.ts';
import type { Handler } from '../router.ts';

/** Options → background: where the chip shows, and the sites it could show on. */
export const chipSettings: Handler<'chipSettings'> = {
  from: 'extension',
  async handle() {
    return { settings: await getChipSettings(), sites: contentScriptHosts() };
  },
};
