/**
 * The content script's order of answers, without a browser: the early answer (from the address)
 * and the full report's answer, arriving in every order a busy background can give them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent: { type: string; resolve: (state: unknown) => void }[] = [];
const showChip = vi.fn();
const hideChip = vi.fn();

vi.mock('../messages.ts', () => ({
  api: { runtime: { id: 'digest-lens', onMessage: { addListener: () => undefined } } },
  isBroadcast: () => false,
  send: (type: string) => new Promise((resolve) => sent.push({ type, resolve })),
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
  vi.resetModules();
  domReady = undefined;
  // Just enough of a loading page: its address, its body, and DOMContentLoaded still to come.
  vi.stubGlobal('location', { href: 'https://arxiv.org/abs/2602.22544' });
  vi.stubGlobal('addEventListener', () => undefined);
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

afterEach(() => vi.unstubAllGlobals());

async function start(): Promise<void> {
  await import('./main.ts');
  expect(sent.map((m) => m.type)).toEqual(['pageBrief']);
}

function loaded(): void {
  domReady!();
  expect(sent.map((m) => m.type)).toEqual(['pageBrief', 'pageInfo']);
}

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
});
