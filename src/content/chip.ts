/**
 * The chip: a small button in a closed shadow root, so the page's styles and scripts can't reach
 * inside. Its host is a bare element: no attribute, no text, nothing in the page's DOM says what
 * the index holds beyond what the reader sees (tests read it through the closed root, as only an
 * extension can).
 */
const CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
.chip { display: flex; align-items: center; gap: 2px; font: 13px/1.3 system-ui, sans-serif;
  background: #fff; color: #1e3a8a; border: 1px solid #93c5fd; border-radius: 999px;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); padding: 2px; }
button { font: inherit; color: inherit; background: none; border: 0; border-radius: 999px; cursor: pointer; padding: 6px 10px; }
button:hover { background: #eff6ff; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.close { padding: 6px 8px; opacity: .7; }
.hint { max-width: 260px; padding: 4px 6px 4px 10px; }
.hint[hidden] { display: none; }
@media (prefers-color-scheme: dark) {
  .chip { background: #1f2937; color: #dbeafe; border-color: #3b82f6; }
  button:hover { background: #374151; }
  button:focus-visible { outline-color: #93c5fd; }
}`;

let host: HTMLElement | undefined;
let openButton: HTMLButtonElement | undefined;
let hintLine: HTMLElement | undefined;

export function showChip(digestCount: number, onOpen: () => void, onDismiss: () => void): void {
  const label = `In ${digestCount} ${digestCount === 1 ? 'digest' : 'digests'} · Open panel`;
  if (!host) {
    host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const chip = document.createElement('div');
    chip.className = 'chip';
    const open = (openButton = document.createElement('button'));
    open.type = 'button';
    open.addEventListener('click', onOpen);
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.title = close.ariaLabel = 'Hide for this paper until the index changes';
    close.addEventListener('click', () => {
      onDismiss();
      hideChip();
    });
    const hint = (hintLine = document.createElement('span'));
    hint.className = 'hint';
    hint.setAttribute('role', 'status');
    hint.hidden = true;
    chip.append(open, hint, close);
    root.append(style, chip);
    (document.body ?? document.documentElement).append(host);
  }
  openButton!.textContent = label;
}

/** Says how to open the panel when the browser would not let the chip do it (Firefox's sidebar). */
export function showHint(text: string): void {
  if (!host || !hintLine || !openButton) return;
  hintLine.textContent = text;
  hintLine.hidden = false;
  openButton.hidden = true;
}

export function hideChip(): void {
  host?.remove();
  host = openButton = hintLine = undefined;
}
