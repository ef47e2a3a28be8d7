import type { ComponentChildren } from 'preact';
import { safeHref } from './safe-href.ts';

/** A link that opens in a new tab, or plain text when the address is not http(s). */
export function ExternalLink({ href, children, class: cls }: { href: string | undefined; children: ComponentChildren; class?: string }) {
  const safe = safeHref(href);
  if (!safe) return <span class={cls}>{children}</span>;
  return (
    <a class={cls} href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
