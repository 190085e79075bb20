import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  createPackage,
  fingerprint,
  LIMITS,
  newKeyPair,
  packEntry,
  packEntryAsync,
  PackageWriter,
  signManifest,
  verifyPackage,
  type PackageContents,
} from './package';
import { asFormatVersion } from './testPackages';

const keys = newKeyPair();
const input = (
  over: Partial<Omit<PackageContents, 'publicKey'> & { secretKey: Uint8Array }> = {},
): Omit<PackageContents, 'publicKey'> & { secretKey: Uint8Array } => ({
  appVersion: '0.1.0',
  town: { id: 't1', name: '青山镇' },
  period: { from: '2026-01-01', to: '2026-10-31' },
  createdAt: '2026-11-28T10:00:00.000Z',
  tables: {
    villages: [{ id: 'v1', name: '张家村' }],
    problems: [{ id: 'p1', number: '2026-镇督-0001', status: 'closed' }],
  },
  files: { 'attachments/a1': new Uint8Array([1, 2, 3]) },
  secretKey: keys.secretKey,
  ...over,
});

/** The raw entries, manifest and signature bytes exactly as packed. */
function rawEntries(data: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(data);
}

const without = (entries: Record<string, Uint8Array>, name: string) =>
  Object.fromEntries(Object.entries(entries).filter(([n]) => n !== name));

const problemOf = (data: Uint8Array) => {
  const r = verifyPackage(data);
  return r.ok ? 'ok' : r.problem;
};

describe('a good package', () => {
  it('verifies and gives back every table, entry and the maker’s fingerprint', () => {
    const data = createPackage(input());
    const result = verifyPackage(data);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tables).toEqual(input().tables);
    expect(result.manifest.counts).toEqual({ villages: 1, problems: 1 });
    expect([...result.entry('attachments/a1')]).toEqual([1, 2, 3]);
    expect(result.fingerprint).toBe(fingerprint(keys.publicKey));
    expect(result.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it('says when it is a backup; one of format version 1 still verifies', () => {
    const backup = verifyPackage(createPackage(input({ backup: true })));
    expect(backup.ok && backup.manifest.backup).toBe(true);
    const plain = verifyPackage(createPackage(input()));
    expect(plain.ok && plain.manifest).not.toHaveProperty('backup');
    expect(plain.ok && plain.manifest.formatVersion).toBe(2);
    const old = verifyPackage(asFormatVersion(createPackage(input()), 1, keys.secretKey));
    expect(old.ok && old.manifest.formatVersion).toBe(1);
    expect(old.ok && old.tables).toEqual(input().tables);
  });

  it('is the same bytes for the same contents', () => {
    expect(createPackage(input())).toEqual(createPackage(input()));
  });

  it('is the same bytes whatever order the tables and files arrive in (the page reads them in parallel)', () => {
    const { tables, files } = input();
    const reversed = input({
      tables: Object.fromEntries(Object.entries(tables).reverse()),
      files: { 'readable/b.xlsx': new Uint8Array([9]), ...files },
    });
    const inOrder = input({ files: { ...files, 'readable/b.xlsx': new Uint8Array([9]) } });
    expect(createPackage(reversed)).toEqual(createPackage(inOrder));
  });
});

describe('the package writer', () => {
  const meta = { ...input(), publicKey: keys.publicKey };

  it('will not seal with a signature that is not over its manifest', () => {
    const writer = new PackageWriter();
    writer.addTable('villages', [{ id: 'v1' }]);
    writer.prepare(meta);
    const other = new PackageWriter();
    other.addTable('villages', [{ id: 'v2' }]);
    const wrong = signManifest(other.prepare(meta).manifestBytes, keys.secretKey);
    expect(() => writer.seal(wrong)).toThrow('the signature does not match the manifest');
    expect(() => writer.seal('00')).toThrow('the signature does not match the manifest');
  });

  it('refuses names that would not verify, the same entry twice, and entries after the manifest', () => {
    const writer = new PackageWriter();
    writer.addTable('villages', []);
    expect(() => writer.addTable('villages', [])).toThrow('unusable table name');
    expect(() => writer.addTable('../x', [])).toThrow('unusable table name');
    const empty = (name: string) => packEntry(name, new Uint8Array());
    expect(() => writer.addRecords('people', 0, empty('records/villages.json'))).toThrow(
      'unusable table name',
    );
    expect(() => writer.addFile(empty('../evil'))).toThrow('unusable entry name');
    expect(() => writer.addFile(empty('records/villages.json'))).toThrow('unusable entry name');
    expect(() => writer.addFile(empty('manifest.json'))).toThrow('unusable entry name');
    writer.addFile(empty('attachments/a'));
    expect(() => writer.addFile(empty('attachments/a'))).toThrow('unusable entry name');
    writer.prepare(meta);
    expect(() => writer.addFile(empty('attachments/late'))).toThrow('already prepared');
  });

  it('packs an entry the same with the platform’s SHA-256 as with the script one', async () => {
    const data = new TextEncoder().encode(JSON.stringify(input().tables));
    // SHA-256 of "abc", from FIPS 180-2.
    expect((await packEntryAsync('x', new TextEncoder().encode('abc'))).sha256).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await packEntryAsync('records/t.json', data)).toEqual(packEntry('records/t.json', data));
  });

  it('packs records encoded elsewhere (the page) exactly as it packs rows', () => {
    const rows = [{ id: 'v1', name: '张家村' }];
    const a = new PackageWriter();
    a.addTable('villages', rows);
    const b = new PackageWriter();
    b.addRecords(
      'villages',
      1,
      packEntry('records/villages.json', new TextEncoder().encode(JSON.stringify(rows))),
    );
    const signed = (w: PackageWriter) =>
      w.seal(signManifest(w.prepare(meta).manifestBytes, keys.secretKey));
    expect(signed(a)).toEqual(signed(b));
  });
});

describe('hostile packages are refused with one sentence', () => {
  const good = createPackage(input());
  const raw = rawEntries(good);
  const rezip = (entries: Zippable) => zipSync(entries);

  it('not a zip, or cut short', () => {
    expect(problemOf(strToU8('这不是 zip'))).toBe('这不是数据交换包（不是 zip 文件）。');
    expect(problemOf(good.slice(0, good.length - 30))).toBe(
      '文件不完整（可能复制时中断了），请重新导出或重新复制。',
    );
    expect(problemOf(good.slice(0, Math.floor(good.length / 2)))).toBe(
      '文件不完整（可能复制时中断了），请重新导出或重新复制。',
    );
  });

  it('no manifest, an unreadable one, an unknown format version', () => {
    const rest = without(raw, 'manifest.json');
    expect(problemOf(rezip(rest))).toBe('包里没有清单文件（manifest.json）。');
    expect(problemOf(rezip({ ...raw, 'manifest.json': strToU8('{not json') }))).toBe(
      '清单文件（manifest.json）无法解析。',
    );
    const manifest = JSON.parse(new TextDecoder().decode(raw['manifest.json'])) as object;
    expect(
      problemOf(
        rezip({
          ...raw,
          'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 4 })),
        }),
      ),
    ).toBe('数据交换包的格式版本 4 不受支持（本程序读第 1、2、3 版）。');
  });

  it('a missing or wrong signature, or a manifest changed after signing', () => {
    const unsigned = without(raw, 'manifest.sig');
    expect(problemOf(rezip(unsigned))).toBe('包没有签名（manifest.sig），无法确认来源。');
    const manifest = JSON.parse(new TextDecoder().decode(raw['manifest.json'])) as object;
    const changed = strToU8(
      JSON.stringify({ ...manifest, town: { id: 't1', name: '别的镇' } }, null, 2),
    );
    expect(problemOf(rezip({ ...raw, 'manifest.json': changed }))).toBe(
      '签名不符：清单在签名后被改动过，或签名不是这个包的。',
    );
    const other = createPackage(input({ secretKey: newKeyPair().secretKey }));
    const otherSig = rawEntries(other)['manifest.sig']!;
    expect(problemOf(rezip({ ...raw, 'manifest.sig': otherSig }))).toBe(
      '签名不符：清单在签名后被改动过，或签名不是这个包的。',
    );
  });

  it('an entry whose content or size differs, an entry not listed, a listed one missing', () => {
    const villages = strToU8(JSON.stringify([{ id: 'v1', name: '李家村' }]));
    expect(problemOf(rezip({ ...raw, 'records/villages.json': villages }))).toBe(
      '“records/villages.json”的内容与清单不符（SHA-256 不同），文件可能已损坏或被改动。',
    );
    expect(problemOf(rezip({ ...raw, 'attachments/a1': new Uint8Array([1, 2]) }))).toBe(
      '“attachments/a1”的大小与清单不符。',
    );
    expect(problemOf(rezip({ ...raw, 'attachments/extra': new Uint8Array([9]) }))).toBe(
      '包里有清单上没有的文件“attachments/extra”。',
    );
    const missing = without(raw, 'attachments/a1');
    expect(problemOf(rezip(missing))).toBe('清单上的文件“attachments/a1”不在包里。');
  });

  it('names that escape, and links', () => {
    for (const name of [
      '../evil.txt',
      '/etc/passwd',
      'C:/Windows/x',
      'a\\..\\b',
      'records/../../x',
    ])
      expect(problemOf(rezip({ ...raw, [name]: new Uint8Array([1]) }))).toBe(
        `包里有不安全的文件名“${name}”。`,
      );
    const link = zipSync({
      ...raw,
      'attachments/link': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }],
    });
    expect(problemOf(link)).toBe('包里有链接文件“attachments/link”。');
  });

  it('too many entries, too large in total, a suspicious ratio — before inflating', () => {
    const many = createPackage(
      input({
        files: Object.fromEntries(
          Array.from({ length: 10 }, (_, i) => [`attachments/f${i}`, new Uint8Array([i])]),
        ),
      }),
    );
    expect(verifyPackage(many, { ...LIMITS, maxEntries: 8 })).toEqual({
      ok: false,
      problem: '包里的文件太多（14 个，最多 8 个）。',
    });
    expect(verifyPackage(good, { ...LIMITS, maxTotalBytes: 100 })).toEqual({
      ok: false,
      problem: '包解压后太大。',
    });
    // 64 MiB of zeros deflate to about 64 KiB: a ratio near 1,000.
    const bomb = zipSync({ ...raw, 'attachments/zeros': new Uint8Array(64 * 1024 * 1024) });
    expect(problemOf(bomb)).toBe('“attachments/zeros”的压缩比异常（可能是压缩炸弹）。');
  });

  it('an entry that inflates to more than its header and manifest say — stopped while inflating', () => {
    // The manifest lists a 10-byte attachment; the zip carries 4 MiB of zeros under that name
    // with its header patched to claim 10 bytes.
    const small = createPackage(input({ files: { 'attachments/a1': new Uint8Array(10) } }));
    const entries = rawEntries(small);
    const bomb = zipSync({ ...entries, 'attachments/a1': new Uint8Array(4 * 1024 * 1024) });
    patchDeclaredSize(bomb, 'attachments/a1', 10);
    expect(problemOf(bomb)).toBe('“attachments/a1”解压后比清单里写的大（可能是压缩炸弹）。');
  });
});

/**
 * Sets the uncompressed size of an entry in the central directory and in its local header (a
 * lying header, told the same in both places).
 */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number) {
  const nameBytes = strToU8(name);
  const view = new DataView(zip.buffer, zip.byteOffset);
  for (let at = 0; at < zip.length - 46; at += 1) {
    if (zip[at] !== 0x50 || zip[at + 1] !== 0x4b || zip[at + 2] !== 1 || zip[at + 3] !== 2)
      continue;
    const length = zip[at + 28]! | (zip[at + 29]! << 8);
    const found = zip.subarray(at + 46, at + 46 + length);
    if (length === nameBytes.length && found.every((b, i) => b === nameBytes[i])) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
      return;
    }
  }
  throw new Error(`no central entry ${name}`);
}

describe('properties', () => {
  const record = fc.record({
    id: fc.string({ maxLength: 12 }),
    n: fc.integer(),
    text: fc.string({ maxLength: 40 }),
    done: fc.boolean(),
  });

  it('export → verify gives back every table exactly', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('villages', 'problems', 'periods'),
          fc.array(record, { maxLength: 20 }),
        ),
        (tables) => {
          const result = verifyPackage(createPackage(input({ tables, files: {} })));
          expect(result.ok && result.tables).toEqual(tables);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('random bytes are always refused, never thrown', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(verifyPackage(bytes).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a package with one byte changed is refused or reads exactly the same', () => {
    const data = createPackage(input());
    const original = verifyPackage(data);
    fc.assert(
      fc.property(fc.nat(data.length - 1), fc.integer({ min: 1, max: 255 }), (at, delta) => {
        const mutated = data.slice();
        mutated[at] = (mutated[at]! + delta) % 256;
        const result = verifyPackage(mutated);
        if (result.ok && original.ok) {
          // Bytes no check covers (a header's timestamp) may change; the contents may not.
          expect(result.tables).toEqual(original.tables);
          expect([...result.entry('attachments/a1')]).toEqual([1, 2, 3]);
          expect(result.manifest).toEqual(original.manifest);
        }
      }),
      { numRuns: 500 },
    );
  });
});
