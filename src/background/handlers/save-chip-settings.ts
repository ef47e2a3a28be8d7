import { saveChipSettings as save } from '../chip-settings.ts';
import type { Handler } from '../router.ts';

/** Options → background: change where the chip shows. */
export const saveChipSettings: Handler<'saveChipSettings'> = {
  from: 'extension',
  handle: (settings) => save(settings),
};
