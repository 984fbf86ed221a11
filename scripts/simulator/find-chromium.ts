/**
 * Where a Chromium for the simulator's browser tests and its screenshot is: CHROMIUM_PATH, then
 * the places Debian, Ubuntu, Fedora, Chrome's own packages and macOS put one. Nothing is
 * downloaded: a machine without a browser installs one from its own package manager.
 */
import { accessSync, constants, statSync } from 'node:fs';

/** The usual system locations, in the order they are tried. */
export const CHROMIUM_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** What to tell someone who has no Chromium. */
export const INSTALL_CHROMIUM_HINT =
  'Install one (on Debian or Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** Command-line switches for a headless Chromium on a server or in a container. */
export const HEADLESS_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Thrown when CHROMIUM_PATH is wrong, or when CI needs a Chromium and the machine has none. */
export class ChromiumNotFoundError extends Error {}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to launch, or undefined when there is none. A CHROMIUM_PATH that is set but wrong
 * is a mistake to report, not a reason to quietly try elsewhere.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, locations: readonly string[] = CHROMIUM_LOCATIONS): string | undefined {
  const named = env.CHROMIUM_PATH;
  if (named) {
    if (isExecutableFile(named)) return named;
    throw new ChromiumNotFoundError(`CHROMIUM_PATH is ${named}, which is not an executable file. ${INSTALL_CHROMIUM_HINT}`);
  }
  return locations.find(isExecutableFile);
}

/** CI=true (as CI services set it): browser tests must run, never quietly stay out. */
export function browserTestsRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}

/**
 * The Chromium for the browser tests: undefined on a developer's machine without one (the tests
 * then do not run there), an error saying how to install one when CI requires them.
 */
export function chromiumForTests(env: NodeJS.ProcessEnv = process.env, locations: readonly string[] = CHROMIUM_LOCATIONS): string | undefined {
  const found = findChromium(env, locations);
  if (found === undefined && browserTestsRequired(env)) {
    throw new ChromiumNotFoundError(`The simulator's browser tests need Chromium, and with CI=${env.CI} they must run, but none was found (tried ${locations.join(', ')}). ${INSTALL_CHROMIUM_HINT}`);
  }
  return found;
}
