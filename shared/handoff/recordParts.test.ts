import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  checkPackageBytes,
  createPackage,
  LIMITS,
  MANIFEST,
  newKeyPair,
  recordParts,
  recordsEntry,
  SIGNATURE,
  signManifest,
  verifiedPackage,
  verifyPackage,
  verifyPackageSource,
  type Manifest,
} from './package';
import { memorySource } from './zipIndex';

const keys = newKeyPair();
const decoder = new TextDecoder();

/** 3,000 rows of about 60 bytes of JSON each (Chinese texts: 3 bytes a character). */
const rows = Array.from({ length: 3000 }, (_, i) => ({
  key: `t${i % 20}|problems|${String(i).padStart(5, '0')}`,
  row: { id: `p${i}`, text: '河道垃圾'.repeat(i % 4) },
}));

const make = (partBytes?: number, tables: Record<string, unknown[]> = { rows }) =>
  createPackage({
    appVersion: '0.1.0',
    town: { id: 'county', name: '示例县（县级工作台）' },
    period: { from: '2017-01', to: '2026-11' },
    createdAt: '2026-12-03T10:00:00.000Z',
    tables,
    files: { 'attachments/a1': new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]) },
    secretKey: keys.secretKey,
    backup: true,
    ...(partBytes ? { partBytes } : {}),
  });

const manifestOf = (data: Uint8Array) =>
  JSON.parse(strFromU8(unzipSync(data)[MANIFEST]!)) as Manifest;

/**
 * The package with its manifest and entries changed as a hostile maker would, the manifest
 * signed again with the maker's key (so that only the new checks stand between it and the app).
 */
function forged(
  data: Uint8Array,
  change: (manifest: Manifest, entries: Record<string, Uint8Array>) => void,
): Uint8Array {
  const entries = unzipSync(data);
  const manifest = JSON.parse(strFromU8(entries[MANIFEST]!)) as Manifest;
  delete entries[MANIFEST];
  delete entries[SIGNATURE];
  change(manifest, entries);
  const bytes = strToU8(JSON.stringify(manifest, null, 2));
  return zipSync({
    [MANIFEST]: bytes,
    [SIGNATURE]: strToU8(signManifest(bytes, keys.secretKey)),
    ...entries,
  });
}

const problemOf = (data: Uint8Array) => {
  const result = verifyPackage(data);
  return result.ok ? 'ok' : result.problem;
};

/** An entry put in (or replaced) and listed with its true size and hash. */
function put(
  manifest: Manifest,
  entries: Record<string, Uint8Array>,
  name: string,
  bytes: Uint8Array,
) {
  entries[name] = bytes;
  manifest.entries = manifest.entries.filter((e) => e.name !== name);
  manifest.entries.push({ name, size: bytes.length, sha256: bytesToHex(sha256(bytes)) });
  manifest.entries.sort((a, b) => (a.name < b.name ? -1 : 1));
}

describe('a table written in parts (format version 3)', () => {
  it('one part is exactly JSON.stringify of the rows, as before; an empty table is []', () => {
    const parts = [...recordParts(rows)];
    expect(parts).toHaveLength(1);
    expect(decoder.decode(parts[0]!.bytes)).toBe(JSON.stringify(rows));
    expect(parts[0]!.count).toBe(3000);
    expect([...recordParts([])].map((p) => decoder.decode(p.bytes))).toEqual(['[]']);
    // As JSON.stringify writes array elements: undefined as null.
    const odd = [undefined, null, '引号"和\\反斜杠', { a: [1, { b: '\u2028' }] }];
    expect(decoder.decode([...recordParts(odd)][0]!.bytes)).toBe(JSON.stringify(odd));
  });

  it('parts of at most the size asked for, each a JSON array, together the rows in order', () => {
    const most = 20_000;
    const parts = [...recordParts(rows, most)];
    // 3,000 rows of 64 to 100 bytes: about 240 KB, 12 or more parts of at most 20,000 bytes.
    expect(parts.length).toBeGreaterThanOrEqual(12);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i + 1));
    for (const p of parts) expect(p.bytes.length).toBeLessThanOrEqual(most);
    const back = parts.flatMap((p) => JSON.parse(decoder.decode(p.bytes)) as unknown[]);
    expect(back).toEqual(rows);
    expect(parts.reduce((sum, p) => sum + p.count, 0)).toBe(3000);
    // Cut only where the next row would not fit: each part but the last is nearly full.
    for (const p of parts.slice(0, -1)) expect(p.bytes.length).toBeGreaterThan(most - 200);
  });

  it('a record larger than a part is a part of its own', () => {
    const big = { id: 'big', text: 'x'.repeat(5000) };
    const parts = [...recordParts([{ id: 'a' }, big, { id: 'b' }], 1000)];
    expect(parts.map((p) => p.count)).toEqual([1, 1, 1]);
    expect(JSON.parse(decoder.decode(parts[1]!.bytes))).toEqual([big]);
  });

  it('a package with a table in parts is version 3, lists the parts, verifies and reads back every row', () => {
    const data = make(20_000);
    const manifest = manifestOf(data);
    expect(manifest.formatVersion).toBe(3);
    expect(manifest.counts).toEqual({ rows: 3000 });
    const parts = manifest.parts!.rows!;
    expect(parts.length).toBeGreaterThanOrEqual(12);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(3000);
    const names = manifest.entries.map((e) => e.name).filter((n) => n.startsWith('records/'));
    expect(names.sort()).toEqual(parts.map((_, i) => recordsEntry('rows', i + 1)).sort());
    expect(names).toContain('records/rows.json');
    expect(names).toContain('records/rows.2.json');
    const result = verifyPackage(data);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tables.rows).toEqual(rows);
    // The command line's reading, piece by piece, counts the same.
    expect(verifyPackageSource(memorySource(data)).ok).toBe(true);
  });

  it('checked in a worker, a table in parts is counted there and its rows read from the bytes after', () => {
    const data = make(20_000);
    const checked = checkPackageBytes(data, LIMITS, { keepParts: false });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    // Not posted back: the county's 1.6 million records cannot be cloned to the page.
    expect(Object.keys(checked.tables)).toEqual([]);
    const verified = verifiedPackage(data, checked);
    expect(verified.ok && verified.tables.rows).toEqual(rows);
    // The small tables are kept as before.
    const mixed = make(20_000, { rows, villages: [{ id: 'v1' }] });
    const both = checkPackageBytes(mixed, LIMITS, { keepParts: false });
    expect(both.ok && both.tables).toEqual({ villages: [{ id: 'v1' }] });
    expect(both.ok && verifiedPackage(mixed, both)).toMatchObject({
      ok: true,
      tables: { rows, villages: [{ id: 'v1' }] },
    });
  });

  it('a package whose tables fit one entry each stays version 2 (an older program reads it)', () => {
    const data = make();
    const manifest = manifestOf(data);
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.parts).toBeUndefined();
    expect(verifyPackage(data).ok).toBe(true);
  });

  it('the default part is far below an entry’s limit and V8’s longest string', () => {
    expect(LIMITS.maxEntryBytes).toBe(512 * 1024 ** 2);
    const [first] = recordParts(rows);
    expect(first!.bytes.length).toBeLessThan(64 * 1024 ** 2);
  });
});

describe('a hostile package with parts is refused with one sentence', () => {
  const good = make(20_000);

  it('a part missing, from the zip and the manifest', () => {
    const data = forged(good, (m, entries) => {
      delete entries['records/rows.3.json'];
      m.entries = m.entries.filter((e) => e.name !== 'records/rows.3.json');
    });
    expect(problemOf(data)).toBe('包里缺少“rows”第 3 段的记录（records/rows.3.json）。');
  });

  it('a part in the zip the manifest does not list', () => {
    const data = forged(good, (_m, entries) => {
      entries['records/rows.99.json'] = strToU8('[]');
    });
    expect(problemOf(data)).toBe('包里有清单上没有的文件“records/rows.99.json”。');
  });

  it('a part past the last, listed and present', () => {
    const data = forged(good, (m, entries) =>
      put(m, entries, 'records/rows.99.json', strToU8('[]')),
    );
    expect(problemOf(data)).toBe(
      '清单里的“records/rows.99.json”不是哪一张表的记录文件（或分段）。',
    );
  });

  it('a records file of a table not counted', () => {
    const data = forged(good, (m, entries) => put(m, entries, 'records/ghost.json', strToU8('[]')));
    expect(problemOf(data)).toBe('清单里的“records/ghost.json”不是哪一张表的记录文件（或分段）。');
  });

  it('the same part listed twice', () => {
    const data = forged(good, (m) => {
      m.entries.push({ ...m.entries.find((e) => e.name === 'records/rows.2.json')! });
    });
    expect(problemOf(data)).toBe('清单里有重名的文件“records/rows.2.json”。');
  });

  it('parts that do not add up to the table’s count', () => {
    const data = forged(good, (m) => {
      m.parts!.rows![0]! += 1;
    });
    expect(problemOf(data)).toBe('“rows”各段的记录条数加起来与清单里的总数（3000）不符。');
  });

  it('parts that add up but not what each part holds', () => {
    const data = forged(good, (m) => {
      m.parts!.rows![0]! += 1;
      m.parts!.rows![1]! -= 1;
    });
    expect(problemOf(data)).toBe('“rows”第 1 段的记录条数与清单不符。');
  });

  it('a part holding more rows than the manifest says (another part’s rows moved into it)', () => {
    const data = forged(good, (m, entries) => {
      const one = JSON.parse(strFromU8(entries['records/rows.json']!)) as unknown[];
      const two = JSON.parse(strFromU8(entries['records/rows.2.json']!)) as unknown[];
      put(m, entries, 'records/rows.json', strToU8(JSON.stringify([...one, two[0]])));
      put(m, entries, 'records/rows.2.json', strToU8(JSON.stringify(two.slice(1))));
    });
    expect(problemOf(data)).toBe('“rows”第 1 段的记录条数与清单不符。');
  });

  it('a part that is not a JSON array', () => {
    const data = forged(good, (m, entries) =>
      put(m, entries, 'records/rows.4.json', strToU8('{}')),
    );
    expect(problemOf(data)).toBe('“rows”第 4 段的记录不是一个 JSON 数组。');
  });

  it('parts of a table the package does not count', () => {
    const data = forged(good, (m) => {
      m.parts = { ...m.parts, ghost: [1, 2] };
    });
    expect(problemOf(data)).toBe('清单里分段的“ghost”不是包里计数的表。');
  });

  it('parts in a manifest of version 2', () => {
    const data = forged(good, (m) => {
      m.formatVersion = 2;
    });
    expect(problemOf(data)).toBe(
      '清单里有分段的记录（parts），这是第 3 版的格式，却标成了第 2 版。',
    );
  });

  it('a table “in parts” of one part only (the schema asks for two or more)', () => {
    const one = make();
    const data = forged(one, (m) => {
      m.formatVersion = 3;
      m.parts = { rows: [3000] };
    });
    expect(problemOf(data)).toBe('清单文件（manifest.json）的内容不完整或有误。');
  });

  it('the command line refuses the same, reading piece by piece', () => {
    const data = forged(good, (m) => {
      m.parts!.rows![0]! += 1;
      m.parts!.rows![1]! -= 1;
    });
    const result = verifyPackageSource(memorySource(data));
    expect(result.ok ? 'ok' : result.problem).toBe('“rows”第 1 段的记录条数与清单不符。');
  });
});
