/**
 * `npm run screenshot`: the README's picture of the simulator, docs/simulator.png (or the path
 * given). The demo council and the service start on loopback, standing on a fixed Friday so the
 * dates in the picture stay the same; a headless Chromium (scripts/simulator/find-chromium.ts)
 * has the conversation a council officer would, and the page is captured with its panels filled.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium, HEADLESS_ARGS, INSTALL_CHROMIUM_HINT } from './simulator/find-chromium';
import { startLocalService } from './simulator/start-local-service';

const ROOT = path.resolve(__dirname, '..');
/** Friday 27 November 2026, 10:00 in London: 2 High Street's next collection is Tuesday 1 December. */
const NOW = '2026-11-27T10:00:00Z';
const SAID = ['when is my bin day', '2', 'yes', 'is the recycling collected next tuesday'];

async function say(page: Page, text: string): Promise<void> {
  const before = await page.locator('.turn.skill, .turn.error').count();
  await page.getByLabel('What the resident says').fill(text);
  await page.keyboard.press('Enter');
  await page.locator('.turn.skill, .turn.error').nth(before).waitFor();
}

async function main(): Promise<void> {
  const out = path.resolve(ROOT, process.argv[2] ?? 'docs/simulator.png');
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found for the screenshot. ${INSTALL_CHROMIUM_HINT}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-screenshot-'));
  const service = await startLocalService({ env: {}, now: NOW, dataDir });
  const browser = await chromium.launch({ executablePath, args: HEADLESS_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${service.url}/simulator/`);
    for (const text of SAID) await say(page, text);
    await page.evaluate('window.scrollTo(0, 0)');
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`wrote ${path.relative(ROOT, out)}`);
  } finally {
    await browser.close();
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
