import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newKeyPair, PackageWriter, verifyPackage } from '@shared/handoff/package';
import { safeStorageProtector, type SafeStorageLike } from '../safeStorageProtector';
import { createIdentityService, type KeyProtector } from './identityService';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'eco-desk-identity-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The main process's clock in these tests: a package made now is made at this instant. */
const NOW = new Date('2026-11-28T00:00:00.000Z');
const now = () => NOW;

/** A package written up to its manifest, to be signed by the service and sealed. */
function contents(publicKey: Uint8Array, createdAt = NOW.toISOString()) {
  const writer = new PackageWriter();
  writer.addTable('villages', [{ id: 'v1' }]);
  const prepared = writer.prepare({
    appVersion: '0.1.0',
    town: { id: 't', name: '青山镇' },
    period: { from: '2026-01-01', to: '2026-10-31' },
    createdAt,
    publicKey,
  });
  return { ...prepared, seal: (signature: string) => writer.seal(signature) };
}

/**
 * The OS's protection, faked: sealing XORs with this PC's secret and tags the result, so that a
 * sealed key is not its hex, and only the same "PC" opens it.
 */
function fakeProtector(machine: number, available = true): KeyProtector & { sealed: number } {
  const protector = {
    sealed: 0,
    available: () => Promise.resolve(available),
    seal: (plain: string) => {
      protector.sealed += 1;
      return Promise.resolve(
        new Uint8Array([0xee, machine, ...new TextEncoder().encode(plain).map((b) => b ^ machine)]),
      );
    },
    open: (sealed: Uint8Array) => {
      if (sealed[0] !== 0xee || sealed[1] !== machine)
        return Promise.reject(new Error('sealed on another PC'));
      const plain = new TextDecoder().decode(sealed.slice(2).map((b) => b ^ machine));
      return Promise.resolve({ plain, stale: false });
    },
  };
  return protector;
}

const keyFile = () => path.join(folder, 'keys', 'handoff-ed25519.json');

describe('the hand-off identity', () => {
  it('is made once, kept owner-only in the data folder, and the same after a restart', async () => {
    const first = await createIdentityService({ dataFolder: folder, now }).getIdentity();
    const file = path.join(folder, 'keys', 'handoff-ed25519.json');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ publicKey: first.publicKey });
    const again = await createIdentityService({ dataFolder: folder }).getIdentity();
    expect(again).toEqual(first);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it('signs its own manifests so that the package verifies, and refuses anything else', async () => {
    const service = createIdentityService({ dataFolder: folder, now });
    const { publicKey } = await service.getIdentity();
    const prepared = contents(hexToBytes(publicKey));
    const signed = await service.signManifest(prepared.manifestBytes);
    if (signed.status !== 'signed') throw new Error(`not signed: ${signed.status}`);
    const result = verifyPackage(prepared.seal(signed.signature));
    expect(result.ok).toBe(true);
    // Not a manifest, or a manifest naming another key: not signed.
    expect(await service.signManifest(new TextEncoder().encode('{"hello":1}'))).toEqual({
      status: 'refused',
    });
    const other = contents(newKeyPair().publicKey);
    expect(await service.signManifest(other.manifestBytes)).toEqual({ status: 'refused' });
  });

  it('never replaces a damaged key file (the town would lose its identity): it says so', async () => {
    await createIdentityService({ dataFolder: folder }).getIdentity();
    const file = path.join(folder, 'keys', 'handoff-ed25519.json');
    writeFileSync(file, '{ damaged');
    await expect(createIdentityService({ dataFolder: folder }).getIdentity()).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('{ damaged');
  });
});

describe('signManifest signs only manifests as this app’s writer makes them, now', () => {
  const service = () =>
    createIdentityService({ dataFolder: folder, now, log: (m) => logged.push(m) });
  let logged: string[] = [];
  beforeEach(() => (logged = []));
  const encode = (manifest: unknown) => new TextEncoder().encode(JSON.stringify(manifest, null, 2));

  it('refuses a manifest dated more than an hour from this PC’s clock, either way', async () => {
    const identity = service();
    const key = hexToBytes((await identity.getIdentity()).publicKey);
    // 59 minutes either way: signed (the page builds its manifest when the export starts).
    for (const at of ['2026-11-27T23:01:00.000Z', '2026-11-28T00:59:00.000Z'])
      expect((await identity.signManifest(contents(key, at).manifestBytes)).status).toBe('signed');
    // A package back-dated by a day, or dated tomorrow: refused, and the log says why.
    for (const at of ['2026-11-27T00:00:00.000Z', '2026-11-29T00:00:00.000Z', '2026-11-28'])
      expect(await identity.signManifest(contents(key, at).manifestBytes)).toEqual({
        status: 'refused',
      });
    expect(logged.at(-1)).toMatch(/^refused to sign a manifest: createdAt 2026-11-28 /);
  });

  it.each<[string, (m: Record<string, unknown>) => Record<string, unknown>]>([
    ['an older format version', (m) => ({ ...m, formatVersion: 1 })],
    [
      'an entry twice',
      (m) => ({ ...m, entries: [...(m.entries as object[]), ...(m.entries as object[])] }),
    ],
    [
      'entries out of the writer’s order',
      (m) => ({
        ...m,
        entries: [
          { name: 'records/villages.json', size: 1, sha256: '0'.repeat(64) },
          { name: 'attachments/a1', size: 1, sha256: '0'.repeat(64) },
        ],
      }),
    ],
    [
      'the signature listed as an entry',
      (m) => ({
        ...m,
        entries: [
          { name: 'manifest.sig', size: 128, sha256: '0'.repeat(64) },
          ...(m.entries as object[]),
        ],
      }),
    ],
    [
      'an unsafe entry name',
      (m) => ({
        ...m,
        entries: [{ name: '../evil', size: 1, sha256: '0'.repeat(64) }, ...(m.entries as object[])],
      }),
    ],
    [
      'a table counted without its records',
      (m) => ({ ...m, counts: { villages: 1, problems: 3 } }),
    ],
    [
      'an entry over the verifier’s limit',
      (m) => ({
        ...m,
        entries: (m.entries as { name: string }[]).map((e) => ({ ...e, size: 2 ** 30 })),
      }),
    ],
  ])('refuses %s', async (_what, change) => {
    const identity = service();
    const key = hexToBytes((await identity.getIdentity()).publicKey);
    const manifest = JSON.parse(new TextDecoder().decode(contents(key).manifestBytes)) as Record<
      string,
      unknown
    >;
    expect((await identity.signManifest(encode(manifest))).status).toBe('signed');
    expect(await identity.signManifest(encode(change(manifest)))).toEqual({ status: 'refused' });
  });
});

describe('the signing key under the operating system’s protection (safeStorage)', () => {
  it('is kept sealed where the OS protects it: no secret key in the file, the same key after a restart', async () => {
    const protector = fakeProtector(7);
    const first = createIdentityService({ dataFolder: folder, now, protector });
    const { publicKey } = await first.getIdentity();
    const stored = JSON.parse(readFileSync(keyFile(), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ version: 2, publicKey });
    expect(stored.secretKey).toBeUndefined();
    expect(typeof stored.sealedSecretKey).toBe('string');
    const again = createIdentityService({ dataFolder: folder, now, protector: fakeProtector(7) });
    expect((await again.getIdentity()).publicKey).toBe(publicKey);
    const prepared = contents(hexToBytes(publicKey));
    const signed = await again.signManifest(prepared.manifestBytes);
    expect(signed.status === 'signed' && verifyPackage(prepared.seal(signed.signature)).ok).toBe(
      true,
    );
  });

  it('seals a key kept unsealed before (version 1), keeping the same key', async () => {
    const { publicKey } = await createIdentityService({ dataFolder: folder, now }).getIdentity();
    const before = JSON.parse(readFileSync(keyFile(), 'utf8')) as { secretKey: string };
    expect(before.secretKey).toMatch(/^[0-9a-f]{64}$/);
    const logged: string[] = [];
    const sealed = createIdentityService({
      dataFolder: folder,
      now,
      protector: fakeProtector(7),
      log: (m) => logged.push(m),
    });
    expect((await sealed.getIdentity()).publicKey).toBe(publicKey);
    const text = readFileSync(keyFile(), 'utf8');
    expect(text).not.toContain(before.secretKey);
    expect(JSON.parse(text)).toMatchObject({ version: 2, publicKey });
    expect(logged).toContain('the hand-off signing key is now sealed by the operating system');
  });

  it('a key sealed on another PC (a copied data folder) is an error, and the file is left as it was', async () => {
    await createIdentityService({
      dataFolder: folder,
      now,
      protector: fakeProtector(7),
    }).getIdentity();
    const text = readFileSync(keyFile(), 'utf8');
    const elsewhere = createIdentityService({
      dataFolder: folder,
      now,
      protector: fakeProtector(9),
    });
    await expect(elsewhere.getIdentity()).rejects.toThrow('sealed on another PC');
    expect(readFileSync(keyFile(), 'utf8')).toBe(text);
  });

  it('portable mode keeps the key unsealed — it must work on the next PC — and warns that it travels with the stick', async () => {
    const protector = fakeProtector(7);
    const logged: string[] = [];
    const portable = createIdentityService({
      dataFolder: folder,
      now,
      protector,
      portable: true,
      log: (m) => logged.push(m),
    });
    await portable.getIdentity();
    expect(protector.sealed).toBe(0);
    const stored = JSON.parse(readFileSync(keyFile(), 'utf8')) as { secretKey?: string };
    expect(stored.secretKey).toMatch(/^[0-9a-f]{64}$/);
    expect(logged.join('\n')).toMatch(/portable mode: .*travels with the stick/);
  });

  it('where the OS protects nothing (Linux without a keyring: basic_text) the key stays unsealed', async () => {
    const storage = (backend: string, available = true): SafeStorageLike => ({
      isAsyncEncryptionAvailable: () => Promise.resolve(available),
      getSelectedStorageBackend: () => backend,
      encryptStringAsync: (plain) => Promise.resolve(new TextEncoder().encode(`sealed:${plain}`)),
      decryptStringAsync: (sealed) =>
        Promise.resolve({ result: sealed.toString().slice(7), shouldReEncrypt: false }),
    });
    expect(await safeStorageProtector(storage('basic_text'), 'linux').available()).toBe(false);
    expect(await safeStorageProtector(storage('gnome_libsecret'), 'linux').available()).toBe(true);
    expect(await safeStorageProtector(storage('kwallet5'), 'linux').available()).toBe(true);
    expect(await safeStorageProtector(storage('basic_text'), 'win32').available()).toBe(true);
    expect(await safeStorageProtector(storage('x', false), 'win32').available()).toBe(false);
    const unprotected = safeStorageProtector(storage('basic_text'), 'linux');
    await createIdentityService({ dataFolder: folder, now, protector: unprotected }).getIdentity();
    expect(JSON.parse(readFileSync(keyFile(), 'utf8'))).toHaveProperty('secretKey');
    // With a keyring, the round trip through safeStorage's shape.
    const keyring = safeStorageProtector(storage('gnome_libsecret'), 'linux');
    expect((await keyring.open(await keyring.seal('abc'))).plain).toBe('abc');
  });
});
