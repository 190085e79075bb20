import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  newKeyPair,
  packEntry,
  PackageWriter,
  verifyPackage,
  type Manifest,
} from '@shared/handoff/package';
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
function contents(publicKey: Uint8Array, createdAt = NOW.toISOString(), townId = 'town') {
  const writer = new PackageWriter();
  writer.addTable('villages', [{ id: 'v1' }]);
  const prepared = writer.prepare({
    appVersion: '0.1.0',
    town: { id: townId, name: '青山镇' },
    period: { from: '2026-01-01', to: '2026-10-31' },
    createdAt,
    publicKey,
  });
  return { ...prepared, seal: (signature: string) => writer.seal(signature) };
}

/** A county's feedback list for a town, as feedbackFiles.ts writes it: one sheet, no records. */
function feedbackList(publicKey: Uint8Array, town: { id: string; name: string }) {
  const writer = new PackageWriter();
  const sheet = `feedback/督查反馈清单-${town.name}-绿水县环督〔2026〕12号.xlsx`;
  writer.addFile(packEntry(sheet, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
  const prepared = writer.prepare({
    appVersion: '0.1.0',
    town,
    period: { from: '2026-11', to: '2026-11' },
    createdAt: NOW.toISOString(),
    publicKey,
    feedback: { county: '绿水县', batch: '绿水县环督〔2026〕12号', items: 3, sheet },
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
      message: '本机没有签名这个包：这不是乡镇生态环境工作台的数据交换包。',
    });
    const other = contents(newKeyPair().publicKey);
    expect(await service.signManifest(other.manifestBytes)).toEqual({
      status: 'refused',
      message: '本机没有签名这个包：清单里的公钥不是本机的签名密钥。',
    });
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
        message: `本机没有签名这个包：清单的制作时间（${at}）与本机时钟（2026-11-28T00:00:00.000Z）相差一小时以上。请核对这台电脑的日期和时间，再重新导出。`,
      });
    expect(logged.at(-1)).toMatch(/^refused to sign a manifest: createdAt 2026-11-28 /);
  });

  const entry = (name: string) => ({ name, size: 1, sha256: '0'.repeat(64) });
  const notAName = (name: string) =>
    `清单里的“${name}”不是数据交换包里的文件名（只有 records/、attachments/、readable/ 下的文件）。`;
  type Entries = { name: string }[];
  it.each<[string, (m: Record<string, unknown>) => Record<string, unknown>, string]>([
    [
      'an older format version',
      (m) => ({ ...m, formatVersion: 1 }),
      '清单是第 1 版的格式，本机只签第 2 版。',
    ],
    [
      'an entry twice',
      (m) => ({ ...m, entries: [...(m.entries as Entries), ...(m.entries as Entries)] }),
      '清单里的文件“records/villages.json”列了两次。',
    ],
    [
      'entries out of the writer’s order',
      (m) => ({ ...m, entries: [entry('records/villages.json'), entry('attachments/a1')] }),
      '清单里的文件没有按名字排列。',
    ],
    [
      'the signature listed as an entry',
      (m) => ({ ...m, entries: [entry('manifest.sig'), ...(m.entries as Entries)] }),
      notAName('manifest.sig'),
    ],
    [
      'an unsafe entry name',
      (m) => ({ ...m, entries: [entry('../evil'), ...(m.entries as Entries)] }),
      notAName('../evil'),
    ],
    [
      'a table counted without its records',
      (m) => ({ ...m, counts: { villages: 1, problems: 3 } }),
      '清单记了“problems”的条数，却没有它的记录文件。',
    ],
    [
      'an entry over the verifier’s limit',
      (m) => ({ ...m, entries: (m.entries as Entries).map((e) => ({ ...e, size: 2 ** 30 })) }),
      '清单里的文件超过了上限（每个 512 MiB，一共 2 GiB）。',
    ],
    [
      'an entry outside records/, attachments/ and readable/',
      (m) => ({ ...m, entries: [...(m.entries as Entries), entry('scripts/run.cmd')] }),
      notAName('scripts/run.cmd'),
    ],
    [
      'an attachment in a folder of its own',
      (m) => ({ ...m, entries: [entry('attachments/a/b.jpg'), ...(m.entries as Entries)] }),
      notAName('attachments/a/b.jpg'),
    ],
    [
      'a records file of a table it does not count',
      (m) => ({ ...m, entries: [entry('records/accounts.json'), ...(m.entries as Entries)] }),
      notAName('records/accounts.json'),
    ],
    [
      'a county’s feedback sheet in a town’s package',
      (m) => ({ ...m, entries: [entry('feedback/督查反馈清单.xlsx'), ...(m.entries as Entries)] }),
      notAName('feedback/督查反馈清单.xlsx'),
    ],
    [
      'a town name with a carriage return',
      (m) => ({ ...m, town: { id: 'town', name: '青山镇\r通过' } }),
      '清单文件（manifest.json）的“town.name”含控制字符或双向文字控制符。',
    ],
    [
      'a backup marked as a feedback list too',
      (m) => ({
        ...m,
        backup: true,
        feedback: { county: '绿水县', batch: 'b', items: 0, sheet: 'records/villages.json' },
      }),
      '清单同时标成了备份和督查反馈清单。',
    ],
  ])('refuses %s', async (_what, change, message) => {
    const identity = service();
    const key = hexToBytes((await identity.getIdentity()).publicKey);
    const manifest = JSON.parse(new TextDecoder().decode(contents(key).manifestBytes)) as Record<
      string,
      unknown
    >;
    expect((await identity.signManifest(encode(manifest))).status).toBe('signed');
    expect(await identity.signManifest(encode(change(manifest)))).toEqual({
      status: 'refused',
      message: `本机没有签名这个包：${message}`,
    });
  });
});

describe('signManifest signs a backup whose large table is written in parts (format 3)', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => ({ key: `t|problems|${i}`, row: { i } }));
  /** A county desk's backup: its records in parts of 20 kB, as the writer makes them. */
  function parted(publicKey: Uint8Array) {
    const writer = new PackageWriter();
    writer.addTable('villages', [{ id: 'v1' }]);
    writer.addTable('countyRecords', rows, 20_000);
    const prepared = writer.prepare({
      appVersion: '0.1.0',
      town: { id: 'county', name: '绿水县（县级工作台）' },
      period: { from: '2017-01', to: '2026-11' },
      createdAt: NOW.toISOString(),
      publicKey,
      backup: true,
    });
    return { ...prepared, seal: (signature: string) => writer.seal(signature) };
  }
  type M = Manifest & { parts: Record<string, number[]> };
  const encode = (manifest: unknown) => new TextEncoder().encode(JSON.stringify(manifest, null, 2));

  it('as written: signed, and the sealed package verifies with every row', async () => {
    const identity = createIdentityService({ dataFolder: folder, now });
    const backup = parted(hexToBytes((await identity.getIdentity()).publicKey));
    expect(backup.manifest.formatVersion).toBe(3);
    expect(backup.manifest.parts?.countyRecords?.length).toBeGreaterThan(3);
    const signed = await identity.signManifest(backup.manifestBytes);
    if (signed.status !== 'signed') throw new Error(signed.message);
    const verified = verifyPackage(backup.seal(signed.signature));
    expect(verified.ok && verified.tables.countyRecords).toEqual(rows);
  });

  it.each<[string, (m: M) => unknown, string]>([
    [
      'parts under version 2',
      (m) => ({ ...m, formatVersion: 2 }),
      '清单是第 2 版的格式，本机只签第 3 版（记录分段的清单）。',
    ],
    [
      'version 3 without parts',
      (m) => ({ ...m, parts: undefined }),
      '清单是第 3 版的格式，本机只签第 2 版。',
    ],
    [
      'a part missing',
      (m) => ({
        ...m,
        entries: m.entries.filter((e) => e.name !== 'records/countyRecords.2.json'),
      }),
      '段，却没有它第 2 段的记录文件。',
    ],
    [
      'a part past the last',
      (m) => ({ ...m, parts: { countyRecords: m.parts.countyRecords!.slice(0, 2) } }),
      '清单里的“records/countyRecords.3.json”不是数据交换包里的文件名（只有 records/、attachments/、readable/ 下的文件）。',
    ],
    [
      'parts not adding up to the count',
      (m) => ({ ...m, counts: { ...m.counts, countyRecords: 2999 } }),
      '清单里“countyRecords”各段的条数加起来不是它的总数。',
    ],
    [
      'parts of a table not counted',
      (m) => ({ ...m, parts: { ...m.parts, ghost: [1, 1] } }),
      '清单里分段的“ghost”不是包里计数的表。',
    ],
  ])('refuses %s', async (_what, change, message) => {
    const identity = createIdentityService({ dataFolder: folder, now });
    const backup = parted(hexToBytes((await identity.getIdentity()).publicKey));
    const manifest = JSON.parse(new TextDecoder().decode(backup.manifestBytes)) as M;
    const result = await identity.signManifest(encode(change(manifest)));
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.message).toMatch(/^本机没有签名这个包：/);
    expect(result.message).toContain(message);
  });
});

describe('signManifest signs for one town: the one its first signature was for', () => {
  const pinFile = () => path.join(folder, 'keys', 'handoff-town.json');
  const refusedFor = (mine: string, theirs: string) => ({
    status: 'refused',
    message: `本机没有签名这个包：这台电脑的签名密钥第一次签名时是替${mine}签的，只替它签名；这份清单却是${theirs}的。请在本机的数据里导出；换了乡镇或改作县级工作台的电脑要另建密钥，并请县里和乡镇重新登记指纹。`,
  });

  it('a town’s PC: its first package pins its town; another town’s manifest, or a county’s feedback list, is refused — after a restart too', async () => {
    const logged: string[] = [];
    const identity = createIdentityService({ dataFolder: folder, now, log: (m) => logged.push(m) });
    const key = hexToBytes((await identity.getIdentity()).publicKey);
    expect((await identity.signManifest(contents(key).manifestBytes)).status).toBe('signed');
    expect(JSON.parse(readFileSync(pinFile(), 'utf8'))).toMatchObject({
      version: 1,
      publicKey: bytesToHex(key),
      townId: 'town',
    });
    if (process.platform !== 'win32') expect(statSync(pinFile()).mode & 0o777).toBe(0o600);
    // The town renamed in 设置 keeps its id: still signed.
    expect((await identity.signManifest(contents(key).manifestBytes)).status).toBe('signed');
    expect(
      await identity.signManifest(contents(key, NOW.toISOString(), 'other').manifestBytes),
    ).toEqual(refusedFor('乡镇（编号“town”）', '乡镇（编号“other”）'));
    expect(logged.at(-1)).toBe(
      'refused to sign a manifest: the key is pinned to town "town", the manifest is for "other"',
    );
    const again = createIdentityService({ dataFolder: folder, now });
    const list = feedbackList(key, { id: 'town', name: '青山镇' });
    expect(await again.signManifest(list.manifestBytes)).toEqual(
      refusedFor('乡镇（编号“town”）', '县级工作台'),
    );
    expect((await again.signManifest(contents(key).manifestBytes)).status).toBe('signed');
  });

  it('a county desk: feedback lists for any town and its own backups are signed and verify; a town’s package is not', async () => {
    const identity = createIdentityService({ dataFolder: folder, now });
    const key = hexToBytes((await identity.getIdentity()).publicKey);
    for (const town of [
      { id: 'reg-1', name: '青山镇' },
      { id: 'reg-2', name: '红石镇' },
    ]) {
      const list = feedbackList(key, town);
      const signed = await identity.signManifest(list.manifestBytes);
      if (signed.status !== 'signed') throw new Error(signed.message);
      expect(verifyPackage(list.seal(signed.signature)).ok).toBe(true);
    }
    expect(JSON.parse(readFileSync(pinFile(), 'utf8'))).toMatchObject({ townId: 'county' });
    const backup = contents(key, NOW.toISOString(), 'county');
    expect((await identity.signManifest(backup.manifestBytes)).status).toBe('signed');
    expect(await identity.signManifest(contents(key).manifestBytes)).toEqual(
      refusedFor('县级工作台', '乡镇（编号“town”）'),
    );
  });

  it('a feedback list holding more than its one sheet is refused', async () => {
    const identity = createIdentityService({ dataFolder: folder, now });
    const key = hexToBytes((await identity.getIdentity()).publicKey);
    const list = JSON.parse(
      new TextDecoder().decode(feedbackList(key, { id: 'reg-1', name: '青山镇' }).manifestBytes),
    ) as { entries: object[]; counts: object };
    const more = {
      ...list,
      counts: { villages: 1 },
      entries: [
        ...list.entries,
        { name: 'records/villages.json', size: 2, sha256: '0'.repeat(64) },
      ],
    };
    const sheet = 'feedback/督查反馈清单-青山镇-绿水县环督〔2026〕12号.xlsx';
    expect(await identity.signManifest(new TextEncoder().encode(JSON.stringify(more)))).toEqual({
      status: 'refused',
      message: `本机没有签名这个包：督查反馈清单的包里只有它那一张表（${sheet}），不能有“records/villages.json”。`,
    });
  });

  it('two manifests at once on a new key: one town is pinned, the other refused', async () => {
    const identity = createIdentityService({ dataFolder: folder, now });
    const key = hexToBytes((await identity.getIdentity()).publicKey);
    const results = await Promise.all([
      identity.signManifest(contents(key, NOW.toISOString(), 'town').manifestBytes),
      identity.signManifest(contents(key, NOW.toISOString(), 'other').manifestBytes),
    ]);
    expect(results.map((r) => r.status)).toEqual(['signed', 'refused']);
  });

  it('the pin is the key’s: a new key (its file removed) is pinned afresh; a damaged pin is an error, left as it was', async () => {
    const first = createIdentityService({ dataFolder: folder, now });
    const oldKey = hexToBytes((await first.getIdentity()).publicKey);
    expect((await first.signManifest(contents(oldKey).manifestBytes)).status).toBe('signed');
    rmSync(keyFile());
    const second = createIdentityService({ dataFolder: folder, now });
    const newKey = hexToBytes((await second.getIdentity()).publicKey);
    const county = contents(newKey, NOW.toISOString(), 'county');
    expect((await second.signManifest(county.manifestBytes)).status).toBe('signed');
    expect(JSON.parse(readFileSync(pinFile(), 'utf8'))).toMatchObject({
      publicKey: bytesToHex(newKey),
      townId: 'county',
    });
    writeFileSync(pinFile(), '{ damaged');
    const third = createIdentityService({ dataFolder: folder, now });
    await expect(third.signManifest(county.manifestBytes)).rejects.toThrow();
    expect(readFileSync(pinFile(), 'utf8')).toBe('{ damaged');
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
