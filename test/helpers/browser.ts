// Headless Chromium for browser tests: Debian's system binary driven by playwright-core, never a downloaded one.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.GENESIS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser binary, or undefined with the reason a test prints when it skips. */
export function findChromium(): { path?: string; reason?: string } {
  for (const c of CANDIDATES) if (c && existsSync(c)) return { path: c };
  return { reason: 'no Chromium found (apt-get install chromium, or set GENESIS_CHROMIUM); browser tests skipped' };
}

/**
 * True when browser tests must run: CI sets GENESIS_REQUIRE_BROWSER=1, so a missing Chromium fails there
 * instead of skipping silently.
 */
export function browserRequired(): boolean {
  return process.env.GENESIS_REQUIRE_BROWSER === '1';
}

/**
 * Launches headless Chromium with the flags this closed network needs (without the background-networking
 * flags Chromium keeps trying to reach Google and its refused connections slow every start).
 */
export async function launchChromium(): Promise<Browser> {
  const found = findChromium();
  if (!found.path) throw new Error(found.reason);
  return chromium.launch({
    executablePath: found.path,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
