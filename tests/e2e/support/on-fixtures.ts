import { type ExtensionBrowser, launchExtension, waitForIndex } from './extension-browser.ts';
import { serveFixtures } from './fixture-site.ts';
import { E2E_DIST, e2eDigestCount } from './paths.ts';

/** The e2e build in Chromium, the fixture pages served on their real addresses, its starter index loaded. */
export async function launchOnFixtures(): Promise<ExtensionBrowser> {
  const ext = await launchExtension(E2E_DIST);
  await serveFixtures(ext.context);
  await waitForIndex(ext, e2eDigestCount());
  return ext;
}
