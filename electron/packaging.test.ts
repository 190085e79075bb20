import { readFileSync } from 'node:fs';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

/** electron-builder's configuration, the "build" section of package.json. */
const build = (JSON.parse(readFileSync('package.json', 'utf8')) as { build: Configuration }).build;

type Fuses = NonNullable<Configuration['electronFuses']>;

describe('the packaged app’s Electron fuses (electron-builder flips them before signing)', () => {
  it('are set as issue 17 asks, under the names electron-builder reads', () => {
    // Typed with electron-builder's own FuseOptionsV1: a misspelt key fails the type check here,
    // and toEqual fails on one in package.json (electron-builder would ignore it silently).
    const expected: Fuses = {
      // The exe cannot be run as plain Node (ELECTRON_RUN_AS_NODE) …
      runAsNode: false,
      // … nor take NODE_OPTIONS / NODE_EXTRA_CA_CERTS, nor --inspect (or SIGUSR1).
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // Only app.asar is loaded, and its hash is checked against the one built into the exe.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      // The app is served over app://, never file://.
      grantFileProtocolExtraPrivileges: false,
    };
    expect(build.electronFuses).toEqual(expected);
  });

  it('packs the app into an asar, which onlyLoadAppFromAsar and the integrity check need', () => {
    expect(build.asar).toBe(true);
  });
});
