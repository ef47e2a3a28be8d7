import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

let mod: typeof import('./chip-settings.ts');
const stored = new Map<string, unknown>();

beforeAll(async () => {
  vi.stubGlobal('chrome', {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['https://arxiv.org/abs/*', 'https://github.com/*'] }] }) },
    storage: {
      local: {
        get: async (keys: string | string[]) =>
          Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => stored.has(k)).map((k) => [k, stored.get(k)])),
        set: async (o: Record<string, unknown>) => Object.entries(o).forEach(([k, v]) => stored.set(k, structuredClone(v))),
      },
    },
  });
  mod = await import('./chip-settings.ts');
});
beforeEach(() => stored.clear());

describe('chip settings', () => {
  it('shows the chip everywhere until the reader says otherwise', async () => {
    expect(await mod.getChipSettings()).toEqual({ enabled: true, offSites: [] });
    expect(await mod.chipAllowed('arxiv.org', 'arxiv:2602.22544', 's1')).toBe(true);
  });

  it('keeps only sites the chip runs on, and refuses what is not a setting', async () => {
    expect(await mod.saveChipSettings({ enabled: true, offSites: ['github.com', 'evil.example', 7, 'github.com'] })).toEqual({
      enabled: true,
      offSites: ['github.com'],
    });
    expect(await mod.chipAllowed('github.com', 'github:a/b', 's1')).toBe(false);
    expect(await mod.chipAllowed('arxiv.org', 'arxiv:2602.22544', 's1')).toBe(true);
    await expect(mod.saveChipSettings({ enabled: 'yes', offSites: [] })).rejects.toThrow(/enabled/);
    await mod.saveChipSettings({ enabled: false, offSites: [] });
    expect(await mod.chipAllowed('arxiv.org', 'arxiv:2602.22544', 's1')).toBe(false);
  });

  it('hides a dismissed paper until the index changes, and only that paper', async () => {
    await mod.dismissChip('arxiv:2602.22544', 's1');
    expect(await mod.chipAllowed('arxiv.org', 'arxiv:2602.22544', 's1')).toBe(false);
    expect(await mod.chipAllowed('arxiv.org', 'arxiv:2602.00001', 's1')).toBe(true);
    expect(await mod.chipAllowed('arxiv.org', 'arxiv:2602.22544', 's2')).toBe(true);
  });

  it('remembers a bounded number of dismissals, the oldest going first', async () => {
    for (let i = 0; i < 510; i++) await mod.dismissChip(`arxiv:2602.${String(i).padStart(5, '0')}`, 's1');
    const all = stored.get('chipDismissed') as Record<string, string>;
    expect(Object.keys(all)).toHaveLength(500);
    expect(all['arxiv:2602.00000']).toBeUndefined();
    expect(all['arxiv:2602.00509']).toBe('s1');
  });
});
