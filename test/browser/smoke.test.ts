// The browser harness itself: Debian's Chromium renders a page and runs its script (CI requires it).
import { describe, expect, it } from 'vitest';
import { browserRequired, findChromium, launchChromium } from '../helpers/browser.js';

const found = findChromium();
if (!found.path) console.warn(found.reason);

describe.skipIf(!found.path && !browserRequired())('headless Chromium', () => {
  it('renders a page and runs its script', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<div id="x">a</div><script>document.getElementById("x").textContent = "rendered"</script>');
      expect(await page.textContent('#x')).toBe('rendered');
    } finally {
      await browser.close();
    }
  });
});
