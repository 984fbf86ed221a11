/**
 * The simulator page in a real headless Chromium, used as a council officer would: type what a
 * resident says, read the reply and the panels, switch platform, save the conversation as a
 * test (and replay it).
 *
 * The Chromium is CHROMIUM_PATH's or the system's (scripts/simulator/find-chromium.ts). Without
 * one these tests do not run on a developer's machine; with CI=true they fail, saying how to
 * install one. The README's screenshot is made by `npm run screenshot`, not here: tests write only
 * to temporary folders.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { chromiumForTests, HEADLESS_ARGS, INSTALL_CHROMIUM_HINT } from '../../scripts/simulator/find-chromium';
import { readConversationFile } from '../../src/simulator/conversations/conversation-file';
import { runConversation } from '../../src/simulator/conversations/run-conversation';
import { DEMO_DEPLOYMENT_PATH } from '../../src/config/load-config';
import { SIMULATOR_NOW, startSimulatorApp, type SimulatorApp } from './support/simulator-app';

jest.setTimeout(90_000);

const chromiumPath = chromiumForTests();
if (chromiumPath === undefined) console.warn(`The simulator page tests did not run: no Chromium on this machine. ${INSTALL_CHROMIUM_HINT}`);
const describeInBrowser = chromiumPath === undefined ? describe.skip : describe;

let app: SimulatorApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (chromiumPath === undefined) return;
  app = await startSimulatorApp();
  browser = await chromium.launch({ executablePath: chromiumPath, args: HEADLESS_ARGS });
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1100 }, locale: 'en-GB' });
  page = await openSimulator(app);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

/** The simulator page of `on` in a new tab, its script errors collected in pageErrors. */
async function openSimulator(on: SimulatorApp): Promise<Page> {
  const opened = await context.newPage();
  opened.on('pageerror', (error) => pageErrors.push(error.message));
  await opened.goto(`${on.url}/simulator/`);
  return opened;
}

/** Clicks "Save as test": the YAML the officer gets, and where it is written so a replay can read it. */
async function saveAsTest(on: Page): Promise<{ saved: string; fileName: string; file: string }> {
  const [download] = await Promise.all([
    on.waitForEvent('download'),
    on.getByRole('button', { name: 'Save as test' }).click(),
  ]);
  const saved = readFileSync(await download.path(), 'utf8');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'saved-test-')), download.suggestedFilename());
  writeFileSync(file, saved);
  return { saved, fileName: download.suggestedFilename(), file };
}

/** Types a sentence as the officer would, and waits for the skill's answer to appear. */
async function say(text: string, on: Page = page): Promise<string> {
  const before = await on.locator('.turn.skill, .turn.error').count();
  await on.getByLabel('What the resident says').fill(text);
  await on.keyboard.press('Enter');
  const answer = on.locator('.turn.skill, .turn.error').nth(before);
  await answer.waitFor();
  return (await answer.locator('.words').textContent()) ?? '';
}

describeInBrowser('the simulator page', () => {
  it('opens ready to type, with the council named', async () => {
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Voice simulator');
    expect(await page.locator('#council-name').textContent()).toBe('Demo Borough Council');
    // Browser-side code as text: the tests are type-checked without the DOM's types.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('say-text');
    expect(await page.getByRole('radio', { name: 'Alexa' }).isChecked()).toBe(true);
    // One council: nothing to pick.
    expect(await page.locator('#device-council').isVisible()).toBe(false);
  });

  it('gives every control a name a screen reader can read', async () => {
    const unnamed = await page.evaluate(`[...document.querySelectorAll('input, button, select, textarea')]
      .filter((el) => !((el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim())))
      .map((el) => el.outerHTML)`);
    expect(unnamed).toEqual([]);
  });

  it('shows the reply, the intent and the council systems called for a typed sentence', async () => {
    expect(await say('when is my bin day')).toBe("Thanks. What's your house number or name?");
    expect(await page.locator('#intent-name').textContent()).toBe('GetBinCollectionIntent');
    expect(await page.locator('#intent-confidence').textContent()).toContain('100% confident');
    const calls = await page.locator('#calls-table tbody tr').allTextContents();
    expect(calls.some((row) => row.includes('/search/places/v1/postcode') && row.includes('200'))).toBe(true);
    expect(await page.locator('#warnings').textContent()).toContain('None.');

    expect(await say('2')).toBe('Is that 2 High Street?');
    expect(await say('yes')).toContain('Your next collection is on Tuesday 1 December');
    expect(await say('is the recycling collected next tuesday')).toMatch(/^Yes/);
    const slots = await page.locator('#slots-table tbody tr').allTextContents();
    expect(slots.sort()).toEqual(['binTyperecyclingRECYCLING', 'date2026-12-01—']);

    await page.locator('#request-details summary').click();
    const request = JSON.parse((await page.locator('#request-json').textContent()) ?? '{}');
    expect(request.request.intent.slots.binType.resolutions.resolutionsPerAuthority[0].values[0].value.id).toBe('RECYCLING');
    await page.locator('#request-details summary').click();

  });

  it('saves the conversation as a YAML test that replays green', async () => {
    const { saved, fileName, file } = await saveAsTest(page);
    expect(fileName).toBe('when-is-my-bin-day-alexa.yaml');
    const yaml = parse(saved) as { name: string; now: string; device: object; platforms: string[]; turns: { say: string; expect: Record<string, unknown> }[] };
    expect(yaml.name).toBe('when is my bin day (Alexa)');
    expect(yaml.now).toBe(new Date(SIMULATOR_NOW).toISOString());
    expect(yaml.device).toEqual({ postcode: 'AB1 2CD', permissions: ['address'] });
    expect(yaml.platforms).toEqual(['alexa']);
    expect(yaml.turns.map((t) => t.say)).toEqual(['when is my bin day', '2', 'yes', 'is the recycling collected next tuesday']);
    expect(yaml.turns[0]?.expect).toEqual({ intent: 'GetBinCollectionIntent', reply: "Thanks. What's your house number or name?", endSession: false });
    expect(yaml.turns[3]?.expect).toMatchObject({ intent: 'GetBinCollectionIntent', slots: { binType: 'RECYCLING', date: '2026-12-01' } });

    // What staff save is a test the suite can run: replay it as a new resident.
    const outcome = await runConversation(readConversationFile(file), 'alexa', { baseUrl: app.url, userId: 'replaying-resident', sessionId: 'replay' });
    expect(outcome.turns.flatMap((t) => t.failures)).toEqual([]);
  });

  it('previews what an Echo Show would show when the device has a screen', async () => {
    expect(await page.locator('#screen').textContent()).toContain('Nothing shown on a screen this turn.');
    await page.getByLabel('The device has a screen').check();
    expect(await say('when is my bin day')).toContain('Your next collection is on Tuesday 1 December');
    const rows = await page.locator('#screen-rows li').allTextContents();
    expect(rows[0]).toMatch(/^Tuesday 1 December.*green recycling bin.*food caddy/);
    expect(rows).toHaveLength(3);
    await page.getByLabel('The device has a screen').uncheck();
  });

  it('switches platform and starts a new session there', async () => {
    await page.getByRole('radio', { name: 'Dialogflow CX' }).check();
    expect(await page.locator('.turn.notice').last().textContent()).toBe('Switched platform. New session on Dialogflow CX.');
    // Amazon and Google know a resident by different accounts, so Google asks for the address afresh.
    expect(await say('when is the food caddy collected')).toBe("To tell you that, I need your address first. What's your postcode?");
    expect(await page.locator('.turn.skill .who').last().textContent()).toBe('Dialogflow CX');
    const request = JSON.parse((await page.locator('#request-json').textContent()) ?? '{}');
    expect(request.fulfillmentInfo.tag).toBe('GetBinCollectionIntent');
    expect(request.intentInfo.parameters.binType).toEqual({ originalValue: 'food caddy', resolvedValue: 'FOOD' });
  });

  it('opens the skill with the button, and ends the session on goodbye', async () => {
    await page.getByRole('radio', { name: 'Dialogflow ES' }).check();
    await page.getByRole('button', { name: 'Open the skill' }).click();
    await page.locator('.turn.skill .who', { hasText: 'Dialogflow ES' }).first().waitFor();
    expect(await page.locator('#intent-name').textContent()).toBe('launch');
    await say('goodbye');
    expect(await page.locator('.turn.skill').last().locator('.tag').textContent()).toBe('session ended');
    expect(pageErrors).toEqual([]);
  });

  it('says beside the Speak button that the browser sends the voice away, and says so to a screen reader', async () => {
    expect(await page.locator('#mic-privacy').textContent()).toContain("your voice is sent to Google's servers");
    expect(await page.getByRole('button', { name: 'Speak' }).getAttribute('aria-describedby')).toContain('mic-privacy');
    expect(await page.locator('.lede').textContent()).not.toMatch(/^.*Nothing here reaches Amazon or Google\.$/);
  });

  it('takes an intent typed with its slots, and shows a card\'s lines as lines', async () => {
    await page.getByRole('radio', { name: 'Alexa' }).check();
    await say('GetBinCollectionIntent binType=RECYCLING');
    expect(await page.locator('#intent-name').textContent()).toBe('GetBinCollectionIntent');
    const request = JSON.parse((await page.locator('#request-json').textContent()) ?? '{}');
    expect(request.request.intent.slots.binType.resolutions.resolutionsPerAuthority[0].values[0].value.id).toBe('RECYCLING');
    const card = page.locator('.turn.skill').last().locator('.card');
    expect(await card.locator('.card-title').textContent()).toMatch(/^Card/);
    expect(await card.locator('.card-line').count()).toBeGreaterThan(1);
    expect(pageErrors).toEqual([]);
  });
});

describeInBrowser('the simulator page on a deployment of several councils', () => {
  let councilsApp: SimulatorApp;
  let councilsPage: Page;
  beforeAll(async () => {
    councilsApp = await startSimulatorApp(SIMULATOR_NOW, DEMO_DEPLOYMENT_PATH);
    councilsPage = await openSimulator(councilsApp);
  });
  afterAll(async () => {
    await councilsPage?.close();
    await councilsApp?.close();
  });

  it('lets staff answer as a council they pick, or go by address', async () => {
    const picker = councilsPage.getByLabel(/^Council \(/);
    await picker.waitFor();
    expect(await picker.locator('option').allTextContents()).toEqual(['By address', 'Demo Borough Council', 'Demo Valley District Council']);
    const meta = () => councilsPage.locator('.turn.skill .meta').last().textContent();

    await picker.selectOption({ label: 'Demo Valley District Council' });
    expect(await say('open demo council', councilsPage)).toContain('Demo Valley District Council');
    expect(await meta()).toContain('council: Demo Valley District Council');

    // Saved as a test, the picked council goes with it, and the replay answers as that council again.
    const { saved, file } = await saveAsTest(councilsPage);
    expect((parse(saved) as { council?: string }).council).toBe('demo-valley');
    const outcome = await runConversation(readConversationFile(file), 'alexa', { baseUrl: councilsApp.url, userId: 'replaying-valley', sessionId: 'replay-valley' });
    expect(outcome.turns.flatMap((t) => t.failures)).toEqual([]);

    await picker.selectOption({ label: 'By address' });
    await councilsPage.getByRole('button', { name: 'New session' }).click();
    expect(await say('open demo council', councilsPage)).not.toContain('Demo Valley District Council');
    expect(await meta()).toContain('council: none yet (the address decides)');
    expect(pageErrors).toEqual([]);
  });
});
