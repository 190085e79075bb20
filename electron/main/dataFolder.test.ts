import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveDataFolder } from './dataFolder';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'eco-desk-data-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveDataFolder', () => {
  it('uses userData when no portable marker sits beside the program', () => {
    const result = resolveDataFolder({
      exePath: path.join(dir, 'EcoDesk.exe'),
      env: {},
      defaultUserData: '/home/u/.config/Eco Desk',
      fileExists: existsSync,
      packaged: true,
    });
    expect(result).toEqual({ folder: '/home/u/.config/Eco Desk', portable: false });
  });

  it('uses data/ beside the program when the marker file is there', async () => {
    await writeFile(path.join(dir, 'portable'), '');
    const result = resolveDataFolder({
      exePath: path.join(dir, 'EcoDesk.exe'),
      env: {},
      defaultUserData: '/ignored',
      fileExists: existsSync,
      packaged: true,
    });
    expect(result).toEqual({ folder: path.join(dir, 'data'), portable: true });
  });

  it('looks beside the real portable exe, not its temporary unpack folder', async () => {
    await writeFile(path.join(dir, 'portable'), '');
    const result = resolveDataFolder({
      exePath: '/tmp/unpacked/EcoDesk.exe',
      env: { PORTABLE_EXECUTABLE_DIR: dir },
      defaultUserData: '/ignored',
      fileExists: existsSync,
      packaged: true,
    });
    expect(result.folder).toBe(path.join(dir, 'data'));
  });

  it('uses ECO_DESK_DATA_DIR when set, so each test gets a fresh data folder', () => {
    const result = resolveDataFolder({
      exePath: path.join(dir, 'EcoDesk.exe'),
      env: { ECO_DESK_DATA_DIR: path.join(dir, 'profile') },
      defaultUserData: '/ignored',
      fileExists: existsSync,
      packaged: false,
    });
    expect(result).toEqual({ folder: path.join(dir, 'profile'), portable: false });
  });

  it('ignores ECO_DESK_DATA_DIR in a packaged build (installed or portable)', async () => {
    const env = { ECO_DESK_DATA_DIR: path.join(dir, 'elsewhere') };
    const installed = resolveDataFolder({
      exePath: path.join(dir, 'EcoDesk.exe'),
      env,
      defaultUserData: '/home/u/.config/Eco Desk',
      fileExists: existsSync,
      packaged: true,
    });
    expect(installed).toEqual({ folder: '/home/u/.config/Eco Desk', portable: false });
    await writeFile(path.join(dir, 'portable'), '');
    const portable = resolveDataFolder({
      exePath: path.join(dir, 'EcoDesk.exe'),
      env,
      defaultUserData: '/ignored',
      fileExists: existsSync,
      packaged: true,
    });
    expect(portable).toEqual({ folder: path.join(dir, 'data'), portable: true });
  });

  it('looks beside an AppImage, not inside its mount', async () => {
    await writeFile(path.join(dir, 'portable'), '');
    const result = resolveDataFolder({
      exePath: '/tmp/.mount_eco/eco-desk',
      env: { APPIMAGE: path.join(dir, 'EcoDesk.AppImage') },
      defaultUserData: '/ignored',
      fileExists: existsSync,
      packaged: true,
    });
    expect(result.portable).toBe(true);
  });
});
