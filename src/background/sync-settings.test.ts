import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

let mod: typeof import('./sync-settings.ts');
const stored = new Map<string, unknown>();

beforeAll(async () => {
  vi.stubGlobal('chrome', {
    storage: {
      local: {
        get: async (k: string) => (stored.has(k) ? { [k]: stored.get(k) } : {}),
        set: async (o: Record<string, unknown>) => Object.entries(o).forEach(([k, v]) => stored.set(k, structuredClone(v))),
      },
    },
  });
  mod = await import('./sync-settings.ts');
});
beforeEach(() => stored.clear());

describe('sync settings', () => {
  it('starts with SciPapermill, every 6 hours, 6 months back, and no consent', async () => {
    expect(await mod.getSyncSettings()).toEqual({
      consented: false,
      sources: [{ id: 'scipapermill', kind: 'wordpress', url: 'https://scipapermill.com/', enabled: true }],
      intervalMinutes: 360,
      reachBack: 6,
      topics: [],
      retentionMonths: 0,
    });
  });

  it('keeps the default source when a list leaves it out, and gives added sources an id', async () => {
    const s = await mod.saveSyncSettings({ sources: [{ id: '', kind: 'feed', url: 'https://example.org/feed/', enabled: true }] });
    expect(s.sources.map((x) => [x.id === 'scipapermill' ? 'default' : x.id.startsWith('src-example.org-') ? 'added' : x.id, x.enabled])).toEqual([
      ['default', false],
      ['added', true],
    ]);
  });

  it('refuses what a page must not store', async () => {
    await expect(mod.saveSyncSettings({ sources: [{ id: 'x', kind: 'auto', url: 'javascript:alert(1)', enabled: true }] })).rejects.toThrow(
      /not a web address/,
    );
    await expect(mod.saveSyncSettings({ intervalMinutes: 1 })).rejects.toThrow(/interval/);
    await expect(mod.saveSyncSettings({ reachBack: 7 })).rejects.toThrow(/how far back/);
    await expect(mod.saveSyncSettings({ retentionMonths: -1 })).rejects.toThrow(/retention/);
    expect(stored.size).toBe(0);
  });

  it('normalises topics and takes consent only as true', async () => {
    const s = await mod.saveSyncSettings({
      topics: [' Deep Learning ', 'deep learning', '', 'LLM agents'],
      consented: 'yes' as unknown as boolean,
      reachBack: 'all',
    });
    expect(s).toMatchObject({ topics: ['deep learning', 'llm agents'], consented: false, reachBack: 'all' });
  });

  it('names the host permission a source needs', () => {
    expect(mod.originPattern('http://127.0.0.1:8080/wp/')).toBe('http://127.0.0.1/*');
    expect(mod.originPattern('https://scipapermill.com/feed/')).toBe('https://scipapermill.com/*');
  });
});
