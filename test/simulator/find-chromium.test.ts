import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumForTests, ChromiumNotFoundError, findChromium } from '../../scripts/simulator/find-chromium';

describe('finding a Chromium for the browser tests', () => {
  let dir: string;
  let browser: string;
  let notExecutable: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'find-chromium-'));
    browser = path.join(dir, 'chromium');
    writeFileSync(browser, '#!/bin/sh\n');
    chmodSync(browser, 0o755);
    notExecutable = path.join(dir, 'readme.txt');
    writeFileSync(notExecutable, 'not a browser');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes CHROMIUM_PATH first, before any system location', () => {
    expect(findChromium({ CHROMIUM_PATH: browser }, ['/usr/bin/chromium'])).toBe(browser);
  });

  it('says what is wrong when CHROMIUM_PATH is not an executable, and how to get one', () => {
    for (const wrong of [notExecutable, path.join(dir, 'missing'), dir]) {
      expect(() => findChromium({ CHROMIUM_PATH: wrong })).toThrow(ChromiumNotFoundError);
      expect(() => findChromium({ CHROMIUM_PATH: wrong })).toThrow(/apt-get install -y chromium/);
    }
  });

  it('otherwise takes the first system location that holds an executable', () => {
    expect(findChromium({}, [path.join(dir, 'missing'), notExecutable, browser])).toBe(browser);
  });

  it('finds none on a machine without a browser', () => {
    expect(findChromium({}, [path.join(dir, 'missing'), notExecutable])).toBeUndefined();
  });

  it('lets a developer without a browser run the rest of the suite, but fails CI with how to install one', () => {
    const none = [path.join(dir, 'missing')];
    expect(chromiumForTests({}, none)).toBeUndefined();
    expect(chromiumForTests({ CI: 'false' }, none)).toBeUndefined();
    expect(() => chromiumForTests({ CI: 'true' }, none)).toThrow(ChromiumNotFoundError);
    expect(() => chromiumForTests({ CI: 'true' }, none)).toThrow(/must run.*apt-get install -y chromium.*CHROMIUM_PATH/);
    expect(chromiumForTests({ CI: 'true' }, [browser])).toBe(browser);
  });
});
