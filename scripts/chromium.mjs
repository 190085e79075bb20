// Which Chromium the tests, the bench and the demo seeder drive, and with which flags.
import { accessSync, constants } from 'node:fs';

/** Flags for this machine's closed network (no background connections) and a root user. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Null when the Chromium can be run; otherwise the one sentence that says what to install. */
export function chromiumProblem(path = chromiumPath()) {
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return process.env.CHROMIUM_PATH
      ? `The tests need Chromium, and CHROMIUM_PATH (${path}) is not an executable: point it at a Chromium, or unset it and install Debian's (sudo apt-get install chromium).`
      : `The tests need Chromium and there is none at ${path}: install it (sudo apt-get install chromium), or set CHROMIUM_PATH=/path/to/chromium to use another.`;
  }
}
