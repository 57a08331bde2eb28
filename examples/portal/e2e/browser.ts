import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, as installed by `apt-get install chromium`. */
export const CHROMIUM = '/usr/bin/chromium';

/** Build the web page with Vite into `outDir` (a few seconds). */
export async function buildWeb(outDir: string): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

/** Headless Chromium with a fresh profile in `userDataDir`, downloads allowed, nothing phoning home. */
export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1100, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
