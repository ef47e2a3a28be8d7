/** The browser hides the tab's address because site access was withheld or removed. */
export function AccessNeeded({ hosts, onGrant }: { hosts: readonly string[]; onGrant: () => void }) {
  const names = [...new Set(hosts.map((h) => h.replace(/^[^:]+:\/\//, '').replace(/\/\*$/, '')))];
  return (
    <section class="state access" data-state="access-needed">
      <h2>Site access needed</h2>
      <p>
        Digest Lens can't read this tab's address, so it can't tell which paper it shows. Access to these sites is off (set to "on click", or removed):{' '}
        {names.join(', ')}.
      </p>
      <p>It only reads the address and a few tags of arXiv, mirror and GitHub pages; nothing leaves your browser.</p>
      <button type="button" class="primary" onClick={onGrant}>
        Allow access to these sites
      </button>
    </section>
  );
}
