import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newKeyPair, PackageWriter, verifyPackage } from '@shared/handoff/package';
import { createIdentityService } from './identityService';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'eco-desk-identity-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A package written up to its manifest, to be signed by the service and sealed. */
function contents(publicKey: Uint8Array) {
  const writer = new PackageWriter();
  writer.addTable('villages', [{ id: 'v1' }]);
  const prepared = writer.prepare({
    appVersion: '0.1.0',
    town: { id: 't', name: '青山镇' },
    period: { from: '2026-01-01', to: '2026-10-31' },
    createdAt: '2026-11-28T00:00:00.000Z',
    publicKey,
  });
  return { ...prepared, seal: (signature: string) => writer.seal(signature) };
}

describe('the hand-off identity', () => {
  it('is made once, kept owner-only in the data folder, and the same after a restart', async () => {
    const first = await createIdentityService({ dataFolder: folder }).getIdentity();
    const file = path.join(folder, 'keys', 'handoff-ed25519.json');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ publicKey: first.publicKey });
    const again = await createIdentityService({ dataFolder: folder }).getIdentity();
    expect(again).toEqual(first);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it('signs its own manifests so that the package verifies, and refuses anything else', async () => {
    const service = createIdentityService({ dataFolder: folder });
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
