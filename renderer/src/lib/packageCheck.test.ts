import { describe, expect, it } from 'vitest';
import { createPackage, newKeyPair, sha256Hex, verifyPackage } from '@shared/handoff/package';
import { checkPackage } from './packageCheck';

/**
 * A town's package of about 23 MB, as big as the one that froze the import: 22 photos of 1 MiB
 * (stored, as JPEGs are) and 40,000 ledger items of about 130 bytes of JSON each (5.2 MB, deflated to under 1 MB).
 */
function largePackage(): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 22; i += 1) {
    const photo = new Uint8Array(1024 * 1024);
    for (let at = 0; at < photo.length; at += 65536)
      crypto.getRandomValues(photo.subarray(at, at + 65536));
    photo.set([0xff, 0xd8, 0xff, 0xe0]);
    files[`attachments/photo-${i}`] = photo;
  }
  const problems = Array.from({ length: 40_000 }, (_, i) => ({
    id: `p${i}`,
    code: `2026-镇督-${String(i).padStart(4, '0')}`,
    title: `第 ${i} 个问题：河道边堆放垃圾，需清理`,
    foundOn: '2026-05-10',
    status: 'open',
  }));
  return createPackage({
    secretKey: newKeyPair().secretKey,
    appVersion: '0.1.0',
    town: { id: 'town', name: '青山镇' },
    period: { from: '2026-01', to: '2026-10' },
    createdAt: '2026-11-28T10:00:00.000Z',
    tables: { problems },
    files,
  });
}

/**
 * How long `work` took, and the longest the page went without running a timer meanwhile: a timer
 * due every 10 ms fires late by as long as the page's thread is held.
 */
async function longestStall<T>(
  work: () => Promise<T>,
): Promise<{ result: T; stall: number; took: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 10);
  try {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = (last = performance.now());
    const result = await work();
    const took = performance.now() - started;
    // The tick after the work: a stall at its very end counts too.
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { result, stall, took };
  } finally {
    clearInterval(timer);
  }
}

/** Byte for byte (expect's deep equality takes minutes over 23 MB). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

describe('checkPackage: the check of a package, in a worker', () => {
  it('keeps the page answering while a 23 MB package is checked, and gives what verifyPackage gives', async () => {
    const data = largePackage();
    expect(data.length).toBeGreaterThan(22 * 1024 * 1024);
    const copy = data.slice();
    // On the page, the same check holds the thread for as long as it takes.
    const onPage = await longestStall(() => Promise.resolve(verifyPackage(copy)));
    console.info(
      `verifyPackage on the page: ${Math.round(onPage.took)} ms, the page held ${Math.round(onPage.stall)} ms`,
    );

    const expectedHash = await sha256Hex(data);
    const { result, stall, took } = await longestStall(() => checkPackage(data));
    console.info(
      `checkPackage in a worker: ${Math.round(took)} ms, the page held ${Math.round(stall)} ms at most`,
    );
    // Handing the records back costs the page a moment; the check itself none of its time.
    expect(stall).toBeLessThan(Math.min(250, took / 3));

    // The bytes were moved, not copied: the caller's are empty, the ones given back the same.
    expect(data.length).toBe(0);
    expect(sameBytes(result.data, copy)).toBe(true);
    expect(result.sha256).toBe(expectedHash);
    const { verified } = result;
    const expected = onPage.result;
    if (!verified.ok || !expected.ok) throw new Error('not verified');
    expect(verified.manifest).toEqual(expected.manifest);
    expect(verified.fingerprint).toBe(expected.fingerprint);
    expect(verified.tables.problems).toHaveLength(40_000);
    expect(JSON.stringify(verified.tables)).toBe(JSON.stringify(expected.tables));
    const photo = verified.entry('attachments/photo-3');
    expect(photo.length).toBe(1024 * 1024);
    expect(sameBytes(photo, expected.entry('attachments/photo-3'))).toBe(true);
    expect(() => verified.entry('manifest.json')).toThrow();
  });

  it('gives the verifier’s problem for a package that does not check out', async () => {
    const data = largePackage();
    // One byte of a photo, in the middle of the file, changed after signing.
    const at = Math.floor(data.length / 2);
    data[at] = data[at]! ^ 0xff;
    const copy = data.slice();
    const expected = verifyPackage(copy);
    const { verified } = await checkPackage(data);
    expect(!expected.ok && expected.problem).toMatch(/SHA-256 不同/);
    expect(verified).toEqual(expected);
  });

  it('a county backup whose records are in parts: counted in the worker, every row read on the page', async () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({
      key: `t${i % 20}|problems|p${i}`,
      townId: `t${i % 20}`,
      table: 'problems',
      row: { id: `p${i}`, title: `第 ${i} 个问题` },
    }));
    const data = createPackage({
      secretKey: newKeyPair().secretKey,
      appVersion: '0.1.0',
      town: { id: 'county', name: '绿水县（县级工作台）' },
      period: { from: '2017-01', to: '2026-11' },
      createdAt: '2026-12-03T10:00:00.000Z',
      tables: { countyRecords: records, countyTowns: [{ id: 't1' }] },
      files: {},
      backup: true,
      partBytes: 40_000,
    });
    const expected = verifyPackage(data.slice());
    const { verified } = await checkPackage(data);
    if (!verified.ok || !expected.ok) throw new Error('not verified');
    expect(verified.manifest.parts?.countyRecords?.length).toBeGreaterThan(5);
    expect(verified.tables).toEqual(expected.tables);
    expect(verified.tables.countyRecords).toHaveLength(5000);
  });

  it('checks several packages at once, each answered with its own', async () => {
    const a = largePackage();
    const b = new Uint8Array([1, 2, 3]);
    const [first, second] = await Promise.all([checkPackage(a), checkPackage(b)]);
    expect(first.verified.ok).toBe(true);
    expect(second.verified).toEqual({
      ok: false,
      problem: '这不是数据交换包（不是 zip 文件）。',
    });
    expect([...second.data]).toEqual([1, 2, 3]);
  });
});
