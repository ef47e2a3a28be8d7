/**
 * The content script without a browser: the order of its answers (the early answer from the
 * address, the full report's answer, in every order a busy background gives them), and what a
 * page can make it look up: nothing on events the page fires, a few address changes without the
 * reader, then nothing until the reader acts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent: { type: string; url: string; resolve: (state: unknown) => void }[] = [];
const showChip = vi.fn();
const hideChip = vi.fn();
let poke: ((message: unknown, sender: { id: string }) => void) | undefined;
const listeners = new Map<string, (e: Event) => void>();

vi.mock('../transport.ts', () => ({
  api: {
    runtime: {
      id: 'digest-lens',
      onMessage: {
        addListener: (l: typeof poke) => {
          poke = l;
        },
      },
    },
  },
  isTabPoke: (m: { type?: string }) => m?.type === 'indexChanged' || m?.type === 'addressChanged',
  send: (type: string, arg?: { url: string }) => new Promise((resolve) => sent.push({ type, url: arg?.url ?? '', resolve })),
}));
vi.mock('./chip.ts', () => ({ showChip, hideChip, showHint: vi.fn() }));

const found = { status: 'found', digestCount: 2 };
const absent = { status: 'not-indexed', digestCount: 0 };
const settle = () => new Promise((r) => setTimeout(r, 0));

let domReady: (() => void) | undefined;

beforeEach(() => {
  sent.length = 0;
  showChip.mockReset();
  hideChip.mockReset();
  listeners.clear();
  poke = undefined;
  vi.resetModules();
  domReady = undefined;
  // Just enough of a loading page: its address, its body, and DOMContentLoaded still to come.
  vi.stubGlobal('location', { href: 'https://arxiv.org/abs/2602.22544' });
  vi.stubGlobal('addEventListener', (type: string, listener: (e: Event) => void) => listeners.set(type, listener));
  vi.stubGlobal('document', {
    readyState: 'loading',
    title: 'HARU-Net',
    body: {},
    querySelector: () => null,
    querySelectorAll: () => [],
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'DOMContentLoaded') domReady = listener;
    },
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function start(): Promise<void> {
  await import('./main.ts');
  expect(sent.map((m) => m.type)).toEqual(['pageBrief']);
}

function loaded(): void {
  domReady!();
  expect(sent.map((m) => m.type)).toEqual(['pageBrief', 'pageInfo']);
}

/** The page changes its address (pushState) and the browser tells the background, which pokes us. */
function pushState(url: string): void {
  (location as { href: string }).href = url;
  poke!({ type: 'addressChanged' }, { id: 'digest-lens' });
}

const briefs = () => sent.filter((m) => m.type === 'pageBrief').map((m) => m.url);

describe('content script', () => {
  it('shows the chip from the early answer before the page has loaded', async () => {
    await start();
    sent[0]!.resolve(found);
    await settle();
    expect(showChip).toHaveBeenCalledTimes(1);
  });

  it('shows the chip from the early answer that comes after DOMContentLoaded but before the full answer', async () => {
    await start();
    loaded();
    sent[0]!.resolve(found);
    await settle();
    expect(showChip).toHaveBeenCalledTimes(1);
    expect(showChip.mock.calls[0]![0]).toBe(2);
    // The full answer has the last word.
    sent[1]!.resolve(absent);
    await settle();
    expect(hideChip).toHaveBeenCalledTimes(1);
  });

  it('ignores an early answer that comes after the full answer', async () => {
    await start();
    loaded();
    sent[1]!.resolve(absent);
    await settle();
    sent[0]!.resolve(found);
    await settle();
    expect(showChip).not.toHaveBeenCalled();
    expect(hideChip).toHaveBeenCalledTimes(1);
  });

  it('ignores an early answer for an address the page has since left', async () => {
    await start();
    (location as { href: string }).href = 'https://arxiv.org/abs/2605.12345';
    sent[0]!.resolve(found);
    await settle();
    expect(showChip).not.toHaveBeenCalled();
  });

  it('listens to no event a page can fire: only the reader’s own input', async () => {
    await start();
    expect([...listeners.keys()].sort()).toEqual(['keydown', 'pointerdown']);
  });

  it('follows a few address changes without the reader, then none until the reader acts', async () => {
    await start();
    loaded();
    for (let i = 0; i < 100; i++) pushState(`https://arxiv.org/abs/2602.${String(10000 + i)}`);
    // The load, then two moves (a site's own redirects); the other 98 addresses are never asked about.
    expect(briefs()).toEqual(['https://arxiv.org/abs/2602.22544', 'https://arxiv.org/abs/2602.10000', 'https://arxiv.org/abs/2602.10001']);
    // Each move hides the old chip: the reader sees none for an address not looked up.
    expect(hideChip).toHaveBeenCalledTimes(100);
    // A page's synthetic click buys nothing.
    listeners.get('pointerdown')!({ isTrusted: false } as Event);
    expect(briefs()).toHaveLength(3);
    // The reader clicks: the address the page now shows is looked up, and a navigation or two after it.
    listeners.get('keydown')!({ isTrusted: true } as Event);
    expect(briefs().at(-1)).toBe('https://arxiv.org/abs/2602.10099');
    pushState('https://arxiv.org/abs/2602.22544');
    pushState('https://arxiv.org/abs/2602.22545');
    pushState('https://arxiv.org/abs/2602.22546');
    expect(briefs()).toHaveLength(6);
  });

  it('a move to the same address (a #fragment) asks nothing', async () => {
    await start();
    pushState('https://arxiv.org/abs/2602.22544#S2');
    expect(briefs()).toHaveLength(1);
  });

  it('reads the page’s tags once they settle after a move, and shows the chip from the answer', async () => {
    vi.useFakeTimers();
    await start();
    loaded();
    pushState('https://github.com/chr-is-tof/RADE-Net');
    sent[2]!.resolve(found);
    await vi.advanceTimersByTimeAsync(0);
    expect(showChip).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(sent.map((m) => m.type)).toEqual(['pageBrief', 'pageInfo', 'pageBrief', 'pageInfo']);
    expect(sent[3]!.url).toBe('https://github.com/chr-is-tof/RADE-Net');
  });
});
