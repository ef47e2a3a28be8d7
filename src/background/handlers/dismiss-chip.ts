import { detectPaper } from '../../core/detect/index.ts';
import { getCounters } from '../../db/index.ts';
import { dismissChip as remember, subjectKey } from '../chip-settings.ts';
import type { Handler } from '../router.ts';
import { reportedUrl } from './page-info.ts';

/** The chip's × → background: hidden for this page's paper until the index changes. */
export const dismissChip: Handler<'dismissChip'> = {
  from: 'content',
  async handle(info, sender) {
    const detection = detectPaper(reportedUrl(info, sender, 'dismissChip'));
    if (!detection) return;
    await remember(subjectKey(detection), (await getCounters()).updated ?? '');
  },
};
