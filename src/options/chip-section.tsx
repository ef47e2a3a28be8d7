import { useEffect, useState } from 'preact/hooks';
import type { ChipSettings } from '../core/settings.ts';
import { send } from '../transport.ts';

/** Where the in-page chip shows: everywhere, nowhere, or not on some sites. Dismissed papers come back when the index changes. */
export function ChipSection() {
  const [settings, setSettings] = useState<ChipSettings>();
  const [sites, setSites] = useState<readonly string[]>([]);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    send('chipSettings').then(
      (r) => {
        setSettings(r.settings);
        setSites(r.sites);
      },
      (e: unknown) => setMessage(`Could not read the chip settings: ${(e as Error).message}`),
    );
  }, []);

  async function save(next: ChipSettings): Promise<void> {
    setSettings(next);
    try {
      setSettings(await send('saveChipSettings', next));
      setMessage('Saved.');
    } catch (e) {
      setMessage(`Not saved: ${(e as Error).message}`);
    }
  }

  return (
    <section class="card" aria-labelledby="chip-h" data-testid="chip-section">
      <h2 id="chip-h">Chip on paper pages</h2>
      <p class="muted">
        On a paper or repository the digests name, a small chip says in how many digests and opens the side panel. Its × hides it for that paper until your
        index changes.
      </p>
      {settings && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={settings.enabled}
              onChange={(e) => void save({ ...settings, enabled: e.currentTarget.checked })}
              data-testid="chip-enabled"
            />
            Show the chip
          </label>
          <fieldset disabled={!settings.enabled} class="chip-sites">
            <legend>On these sites</legend>
            {sites.map((host) => (
              <label key={host} class="check">
                <input
                  type="checkbox"
                  checked={!settings.offSites.includes(host)}
                  onChange={(e) =>
                    void save({ ...settings, offSites: e.currentTarget.checked ? settings.offSites.filter((h) => h !== host) : [...settings.offSites, host] })
                  }
                  data-testid={`chip-site-${host}`}
                />
                {host}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
