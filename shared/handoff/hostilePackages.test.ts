import { bytesToHex } from '@noble/hashes/utils.js';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { handMadePackage, handMadeZip, localRecord, type HandMadeEntry } from './handMadeZip';
import {
  LIMITS,
  newKeyPair,
  signableManifest,
  verifyPackage,
  verifyPackageSource,
  type VerifyResult,
} from './package';
import {
  hasControlCharacter,
  memorySource,
  showControlCharacters,
  type ByteSource,
} from './zipIndex';

// Packages written byte by byte from the public format (handMadeZip.ts), as someone crafting
// one would: each is refused by the verifier the app and the county's command line share.
const keys = newKeyPair();
const files = {
  'records/villages.json': strToU8('[{"id":"v1","name":"张家村"}]'),
  'attachments/a1': new Uint8Array([1, 2, 3]),
};
const problemOf = (result: VerifyResult | ReturnType<typeof verifyPackageSource>) =>
  result.ok ? 'ok' : result.problem;
const verify = (input: Partial<Parameters<typeof handMadePackage>[0]> = {}) =>
  problemOf(verifyPackage(handMadePackage({ secretKey: keys.secretKey, files, ...input })));
type Manifest = Record<string, unknown>;
const ESC = '\u001b';

describe('a package made by hand from docs/handoff-format.md', () => {
  it('passes, so that each refusal below is for its one change', () => {
    const result = verifyPackage(handMadePackage({ secretKey: keys.secretKey, files }));
    expect(problemOf(result)).toBe('ok');
    expect(result.ok && result.tables).toEqual({ villages: [{ id: 'v1', name: '张家村' }] });
  });
});

describe('control characters', () => {
  it('finds C0, DEL, C1, bidi and separators, and shows them written out', () => {
    for (const c of ['\0', '\t', '\r', '\n', ESC, '\u007f', '\u0085', '\u009b', '\u061c'])
      expect(hasControlCharacter(`a${c}b`)).toBe(true);
    for (const c of ['\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028'])
      expect(hasControlCharacter(`a${c}b`)).toBe(true);
    expect(hasControlCharacter('青山镇 2026-01 a_b-c.json（一）')).toBe(false);
    expect(showControlCharacters(`镇\r${ESC}[2K通过\u202e`)).toBe('镇\\u000D\\u001B[2K通过\\u202E');
  });

  it('a town name that would rewrite the terminal’s lines is refused, shown written out', () => {
    const town = { id: 't1', name: `青山镇\r${ESC}[2K通过：伪造` };
    expect(verify({ manifest: (m) => ({ ...m, town }) })).toBe(
      '清单文件（manifest.json）的“town.name”含控制字符或双向文字控制符。',
    );
  });

  it.each<[string, (m: Manifest) => Manifest]>([
    ['appVersion', (m) => ({ ...m, appVersion: '0.1.0\u202e' })],
    ['createdAt', (m) => ({ ...m, createdAt: '2026-11-28\u0085' })],
    ['period.to', (m) => ({ ...m, period: { from: '2026-01', to: '2026\u2066-10' } })],
    ['town.id', (m) => ({ ...m, town: { id: 't\u00001', name: '青山镇' } })],
    [
      'entries[0].name',
      (m) => ({
        ...m,
        entries: (m.entries as { name: string }[]).map((e, i) =>
          i === 0 ? { ...e, name: `${e.name}\u001b[8m` } : e,
        ),
      }),
    ],
    [
      'history.chain',
      (m) => ({ ...m, history: { chain: 'abc\u200f', seq: 1, hash: '0'.repeat(64) } }),
    ],
  ])('a manifest string with one is refused by its place: %s', (place, change) => {
    expect(verify({ manifest: change })).toBe(
      `清单文件（manifest.json）的“${place}”含控制字符或双向文字控制符。`,
    );
  });

  it.each([
    [`attachments/${ESC}[2J`, 'attachments/\\u001B[2J'],
    ['attachments/photo\u202egpj.exe', 'attachments/photo\\u202Egpj.exe'],
    ['attachments/a\nb', 'attachments/a\\u000Ab'],
  ])('an entry name with one is refused, shown written out: %j', (name, shownName) => {
    const problem = verify({ files: { ...files, [name]: new Uint8Array([1]) } });
    expect(problem).toBe(`包里有文件名含控制字符或双向文字控制符：“${shownName}”。`);
    expect(hasControlCharacter(problem)).toBe(false);
  });

  it('a table name in counts is letters and digits (no control characters, no dots)', () => {
    const withKey = (key: string) => (m: Manifest) => ({
      ...m,
      counts: { ...(m.counts as object), [key]: 0 },
    });
    for (const key of ['villages\u0007', 'a.b', 'records/x'])
      expect(verify({ manifest: withKey(key) })).toBe(
        '清单文件（manifest.json）的内容不完整或有误。',
      );
    // A `__proto__` key is dropped by the schema: it never reaches the counts or the tables.
    const result = verifyPackage(
      handMadePackage({ secretKey: keys.secretKey, files, manifest: withKey('__proto__') }),
    );
    expect(result.ok && Object.hasOwn(result.manifest.counts, '__proto__')).toBe(false);
    expect(result.ok && Object.getPrototypeOf(result.tables)).toBe(Object.prototype);
  });

  it('the main process will not sign a manifest holding one', () => {
    const manifest = (name: string) =>
      strToU8(
        JSON.stringify({
          format: 'eco-desk-handoff',
          formatVersion: 2,
          appVersion: '0.1.0',
          town: { id: 't1', name },
          period: { from: '2026-01', to: '2026-10' },
          createdAt: '2026-11-28T10:00:00.000Z',
          publicKey: bytesToHex(keys.publicKey),
          counts: {},
          entries: [],
        }),
      );
    const publicKey = bytesToHex(keys.publicKey);
    expect(signableManifest(manifest('青山镇'), publicKey).ok).toBe(true);
    expect(signableManifest(manifest(`青山镇${ESC}[31m`), publicKey)).toEqual({
      ok: false,
      problem: '清单文件（manifest.json）的“town.name”含控制字符或双向文字控制符。',
    });
  });
});

describe('zip structure', () => {
  it('the same name listed twice in the manifest', () => {
    const twice = (m: Manifest) => {
      const entries = m.entries as { name: string }[];
      return { ...m, entries: [...entries, entries.find((e) => e.name === 'attachments/a1')] };
    };
    expect(verify({ manifest: twice })).toBe('清单里有重名的文件“attachments/a1”。');
  });

  it('the manifest listing itself or its signature', () => {
    const listsSig = (m: Manifest) => ({
      ...m,
      entries: [
        ...(m.entries as object[]),
        { name: 'manifest.sig', size: 128, sha256: '0'.repeat(64) },
      ],
    });
    expect(verify({ manifest: listsSig })).toBe('清单里不应列出“manifest.sig”。');
  });

  it('a directory entry', () => {
    const dir: HandMadeEntry = { name: 'attachments/', data: new Uint8Array(0), method: 0 };
    expect(verify({ zip: (entries) => [...entries, dir] })).toBe(
      '包里有文件夹条目“attachments/”（数据交换包里只有文件）。',
    );
  });

  it('a local header naming another file than the central directory', () => {
    // A streaming unzip (reading local headers) would write run.exe; the directory says a1.
    const renamed = (entries: HandMadeEntry[]) =>
      entries.map((e) => (e.name === 'attachments/a1' ? { ...e, localName: 'run.exe' } : e));
    expect(verify({ zip: renamed })).toBe(
      '包里“attachments/a1”的文件头与 zip 目录不一致（名字、压缩方式或大小不同），别的解压工具会读出另一个文件。',
    );
  });

  it('headers claiming another inflated size than the manifest — judged before inflating', () => {
    // 4 MiB of zeros (deflated ~4 KiB, a ratio near 1,000) under headers claiming 1 MiB, which
    // the per-entry ratio check leaves alone; the manifest says 4 MiB and the hash matches.
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const lying = (entries: HandMadeEntry[]) =>
      entries.map((e) => (e.name === 'attachments/zeros' ? { ...e, declaredSize: 1 << 20 } : e));
    expect(verify({ files: { ...files, 'attachments/zeros': zeros }, zip: lying })).toBe(
      '“attachments/zeros”的大小与清单不符。',
    );
  });

  it('two entries sharing bytes (a quoted overlap)', () => {
    // a2's local header and data lie inside a1's stored data: the directory lists both.
    const a2: HandMadeEntry = { name: 'attachments/a2', data: strToU8('x'.repeat(100)) };
    const a1: HandMadeEntry = { name: 'attachments/a1', data: localRecord(a2), method: 0 };
    const overlapping = handMadePackage({
      secretKey: keys.secretKey,
      files: { ...files, 'attachments/a1': a1.data, 'attachments/a2': a2.data },
      zip: (entries) => [
        ...entries
          .filter((e) => e.name !== 'attachments/a2')
          .map((e) => (e.name === a1.name ? a1 : e)),
        { ...a2, inside: 'attachments/a1' },
      ],
    });
    expect(problemOf(verifyPackage(overlapping))).toBe(
      '包里“attachments/a2”与别的文件共用数据（可能是压缩炸弹）。',
    );
  });

  it('a whole package inflating over 100 times its size — entries of 1 MiB each pass one by one', () => {
    // 20 entries of 1 MiB of zeros: 20 MiB from about 21 KiB, each entry at the per-entry
    // check's edge (only entries above 1 MiB are judged by ratio).
    const zeros = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`attachments/z${i}`, new Uint8Array(1 << 20)]),
    );
    const data = handMadePackage({ secretKey: keys.secretKey, files: { ...files, ...zeros } });
    const ratio = Math.round((20 * 2 ** 20 + 40 + 3) / data.length);
    expect(ratio).toBeGreaterThan(500);
    expect(problemOf(verifyPackage(data))).toMatch(
      /^包解压后的总大小是包本身的 \d+ 倍（最多 100 倍），可能是压缩炸弹。$/,
    );
  });

  it('a plain zip made by hand reads as a zip without a manifest', () => {
    expect(problemOf(verifyPackage(handMadeZip([{ name: 'a.txt', data: strToU8('a') }])))).toBe(
      '包里没有清单文件（manifest.json）。',
    );
  });
});

describe('records files: parsed one record at a time, within limits', () => {
  const withRecords = (json: string) => ({
    ...files,
    'records/villages.json': strToU8(json),
  });

  it('a record over the limit is refused before it is parsed (it would not parse either)', () => {
    const limits = { ...LIMITS, maxRecordBytes: 40 };
    const fits = handMadePackage({
      secretKey: keys.secretKey,
      files: withRecords('[{"id":"v1","name":"张家村"}]'),
    });
    expect(problemOf(verifyPackage(fits, limits))).toBe('ok');
    const over = handMadePackage({
      secretKey: keys.secretKey,
      files: withRecords('[{"id":"v1"},{"id":"v2","name":"张家村张家村张家村", broken}]'),
      manifest: (m) => ({ ...m, counts: { villages: 2 } }),
    });
    expect(problemOf(verifyPackage(over, limits))).toBe(
      '“villages”里有一条记录超过 40 字节（可能是恶意构造的包）。',
    );
    expect(LIMITS.maxRecordBytes).toBe(8 * 1024 * 1024);
  });

  it('a records entry over the per-entry limit is refused from the zip’s directory, never inflated', () => {
    // The directory says 600 MiB: refused before a byte of it is read.
    const huge = handMadePackage({
      secretKey: keys.secretKey,
      files,
      zip: (entries) =>
        entries.map((e) =>
          e.name === 'records/villages.json' ? { ...e, declaredSize: 600 * 1024 ** 2 } : e,
        ),
    });
    expect(problemOf(verifyPackage(huge))).toBe('“records/villages.json”太大。');
  });

  it.each([
    ['{"id":"v1"}', '“villages”的记录不是一个 JSON 数组。'],
    ['[{"id":"v1"},]', '“villages”的记录无法解析。'],
    ['[{"id":"v1"}', '“villages”的记录无法解析。'],
    ['[{"id":"v1"},{"id":"v2"}]', '“villages”的记录条数与清单不符。'],
    ['[]', '“villages”的记录条数与清单不符。'],
  ])('%s for one village is refused', (json, problem) => {
    const data = handMadePackage({
      secretKey: keys.secretKey,
      files: withRecords(json),
      manifest: (m) => ({ ...m, counts: { villages: 1 } }),
    });
    expect(problemOf(verifyPackage(data))).toBe(problem);
    expect(problemOf(verifyPackageSource(memorySource(data)))).toBe(problem);
  });
});

describe('reading piece by piece (bounded memory)', () => {
  const photo = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
  const data = handMadePackage({
    secretKey: keys.secretKey,
    files: { ...files, 'attachments/photo': photo },
    zip: (entries) =>
      entries.map((e) => (e.name === 'attachments/photo' ? { ...e, method: 0 } : e)),
  });

  it('reads no piece larger than 64 KiB of an entry, and gives the manifest and fingerprint', () => {
    let largest = 0;
    const inner = memorySource(data);
    const source: ByteSource = {
      length: inner.length,
      read: (offset, length) => {
        // The end record's search (the last 64 KiB + 22 bytes) is the one larger read.
        if (offset + length !== inner.length) largest = Math.max(largest, length);
        return inner.read(offset, length);
      },
    };
    const result = verifyPackageSource(source);
    expect(result.ok && result.manifest.town).toEqual({ id: 't1', name: '青山镇' });
    expect(largest).toBeLessThanOrEqual(64 * 1024);
  });

  it('entries are inflated when asked for, each time into bytes of their own', () => {
    const result = verifyPackage(data);
    if (!result.ok) throw new Error(result.problem);
    const first = result.entry('attachments/photo');
    // Compared byte by byte: expect's deep equality of 300,000 bytes took seconds.
    const isPhoto = (bytes: Uint8Array) =>
      bytes.length === photo.length && bytes.every((b, i) => b === photo[i]);
    expect(isPhoto(first)).toBe(true);
    first.fill(0);
    expect(isPhoto(result.entry('attachments/photo'))).toBe(true);
    expect([...result.entry('attachments/a1')]).toEqual([1, 2, 3]);
    expect(() => result.entry('manifest.json')).toThrow('no entry manifest.json');
    expect(() => result.entry('attachments/none')).toThrow('no entry attachments/none');
  });

  it('a records file is read once: its rows are those of the bytes hashed, a change meanwhile is damage', () => {
    // A file on disk rewritten while it is checked. Before, the rows were read in a second
    // pass, which had to hash the same; now the one reading both hashes and parses them.
    // (Stored, so that the records' bytes are found as they are.)
    const stored = handMadePackage({
      secretKey: keys.secretKey,
      files,
      zip: (entries) => entries.map((e) => ({ ...e, method: 0 })),
    });
    const inner = memorySource(stored);
    const bytes = inner.read(0, inner.length);
    const at = findBytes(bytes, new TextEncoder().encode('张家村'));
    expect(at).toBeGreaterThan(0);
    let readsOfRecords = 0;
    const changing = (change: boolean): ByteSource => ({
      length: inner.length,
      read: (offset, length) => {
        const tail = offset + length === inner.length; // the end record's search
        if (!tail && offset <= at && at < offset + length) {
          readsOfRecords += 1;
          if (change) bytes[at] = bytes[at]! ^ 1;
        }
        return inner.read(offset, length);
      },
    });
    expect(verifyPackageSource(changing(false)).ok).toBe(true);
    expect(readsOfRecords).toBe(1);
    expect(verifyPackageSource(changing(true))).toEqual({
      ok: false,
      problem: '“records/villages.json”的内容与清单不符（SHA-256 不同），文件可能已损坏或被改动。',
    });
  });
});

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
