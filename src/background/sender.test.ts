import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Handler } from './router.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
let senderAllowed: typeof import('./sender.ts').senderAllowed;

beforeAll(async () => {
  vi.stubGlobal('chrome', {
    runtime: {
      id: ID,
      getURL: (p: string) => `chrome-extension://${ID}/${p}`,
      getManifest: () => ({ content_scripts: [{ matches: ['https://arxiv.org/abs/*', 'https://github.com/*'] }] }),
    },
  });
  ({ senderAllowed } = await import('./sender.ts'));
});

const tab = { id: 7 } as chrome.tabs.Tab;

describe('senderAllowed', () => {
  it('accepts our content script in a top frame of a matched host', () => {
    expect(senderAllowed({ id: ID, tab, frameId: 0, url: 'https://arxiv.org/abs/2602.22544' }, 'content')).toBe(true);
    expect(senderAllowed({ id: ID, tab, frameId: 0, url: 'https://github.com/a/b' }, 'content')).toBe(true);
  });

  it('refuses other extensions, frames, hosts and schemes for content messages', () => {
    expect(senderAllowed({ id: 'other', tab, frameId: 0, url: 'https://arxiv.org/abs/1' }, 'content')).toBe(false);
    expect(senderAllowed({ id: ID, tab, frameId: 3, url: 'https://arxiv.org/abs/1' }, 'content')).toBe(false);
    expect(senderAllowed({ id: ID, tab, frameId: 0, url: 'https://evil.example/arxiv.org/abs/1' }, 'content')).toBe(false);
    expect(senderAllowed({ id: ID, tab, frameId: 0, url: 'http://arxiv.org/abs/1' }, 'content')).toBe(false);
    expect(senderAllowed({ id: ID, frameId: 0, url: 'https://arxiv.org/abs/1' }, 'content')).toBe(false);
  });

  it('accepts extension pages only from our own origin', () => {
    expect(senderAllowed({ id: ID, url: `chrome-extension://${ID}/src/sidepanel/index.html` }, 'extension')).toBe(true);
    expect(senderAllowed({ id: ID, tab, url: 'https://arxiv.org/abs/1' }, 'extension')).toBe(false);
    expect(senderAllowed({ id: ID, url: 'chrome-extension://someoneelse/page.html' }, 'extension')).toBe(false);
    expect(senderAllowed({ id: 'other', url: `chrome-extension://${ID}/x.html` }, 'extension')).toBe(false);
  });
});

describe('the contract decides who may send', () => {
  it('types each handler with its message’s sender: a handler cannot widen it', () => {
    // @ts-expect-error pageInfo comes from our content script only, never from a page of ours.
    const wrong: Handler<'pageInfo'> = { from: 'extension', handle: () => ({ status: 'not-a-paper', digestCount: 0 }) };
    // @ts-expect-error the index is for our own pages: a content script may not search it.
    const leaky: Handler<'search'> = { from: 'content', handle: () => ({ results: [], tookMs: 0 }) };
    expect([wrong.from, leaky.from]).toEqual(['extension', 'content']);
  });
});
