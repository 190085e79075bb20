import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planMerge, recordsToWrite, sameRecord } from './merge';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
const row = (id: string, name: string, day: number) => ({ id, name, updatedAt: at(day) });

describe('planMerge (last exchange on 11-10)', () => {
  const local = new Map([
    ['a', row('a', '张家村', 5)], // same on both sides
    ['b', row('b', '李家村', 5)], // only the other side changed it (11-12)
    ['c', row('c', '王家村', 12)], // only this side changed it (11-12)
    ['d', row('d', '赵家村', 11)], // both changed: conflict
  ]);
  const incoming = [
    row('a', '张家村', 5),
    row('b', '李家村（新）', 12),
    row('c', '王家村（旧）', 5),
    row('d', '赵家村（县里改）', 13),
    row('e', '新村', 13),
    { name: '没有编号' },
  ];
  const plan = planMerge({
    incoming: { villages: incoming, mystery: [{ id: 'x' }] },
    local: { villages: local },
    keyOf: { villages: 'id' },
    since: at(10),
  });

  it('sorts every record: new, changed, unchanged, kept local, conflict, rejected', () => {
    expect(plan.items.map((i) => `${i.id || '-'}:${i.kind}`)).toEqual([
      'a:unchanged',
      'b:changed',
      'c:keptLocal',
      'd:conflict',
      'e:new',
      '-:rejected',
      '-:rejected',
    ]);
    expect(plan.counts).toEqual({
      new: 1,
      changed: 1,
      unchanged: 1,
      keptLocal: 1,
      conflict: 1,
      rejected: 2,
    });
    expect(plan.items.at(-1)?.reason).toBe('不认识的数据表“mystery”。');
    expect(plan.items.at(-2)?.reason).toBe('记录缺少编号（id）。');
  });

  it('writes new and changed records, and each conflict as the user chose', () => {
    expect(recordsToWrite(plan, new Set()).villages?.map((r) => r.id)).toEqual(['b', 'e']);
    expect(recordsToWrite(plan, new Set(['villages/d'])).villages?.map((r) => r.id)).toEqual([
      'b',
      'd',
      'e',
    ]);
  });

  it('never having exchanged, the newer side wins and nothing is a conflict', () => {
    const first = planMerge({
      incoming: { villages: incoming.slice(0, 4) },
      local: { villages: local },
      keyOf: { villages: 'id' },
      since: null,
    });
    expect(first.items.map((i) => i.kind)).toEqual([
      'unchanged',
      'changed',
      'keptLocal',
      'changed',
    ]);
  });

  it('the same package again, after the exchange was recorded, changes nothing', () => {
    // Whatever was chosen for the conflict, the package is no newer than the last exchange now.
    for (const choice of [new Set<string>(), new Set(['villages/d'])]) {
      const after = new Map(local);
      for (const r of recordsToWrite(plan, choice).villages ?? [])
        after.set(r.id as string, r as ReturnType<typeof row>);
      const again = planMerge({
        incoming: { villages: incoming.slice(0, 5) },
        local: { villages: after },
        keyOf: { villages: 'id' },
        since: at(14),
      });
      expect(recordsToWrite(again, new Set(['villages/d']))).toEqual({});
    }
  });

  it('importing what was just imported changes nothing', () => {
    const after = new Map(local);
    for (const r of recordsToWrite(plan, new Set(['villages/d'])).villages ?? [])
      after.set(r.id as string, r as ReturnType<typeof row>);
    const again = planMerge({
      incoming: { villages: incoming.slice(0, 5) },
      local: { villages: after },
      keyOf: { villages: 'id' },
      since: at(10),
    });
    expect(recordsToWrite(again, new Set(['villages/d']))).toEqual({});
  });
});

describe('sameRecord', () => {
  it('ignores key order and undefined fields, not values', () => {
    expect(sameRecord({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(
      true,
    );
    expect(sameRecord({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameRecord([1, 2], [2, 1])).toBe(false);
  });
});

describe('properties of the merge', () => {
  const stamp = fc.integer({ min: 1, max: 28 }).map((d) => at(d));
  const rows = fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      name: fc.string({ maxLength: 3 }),
      updatedAt: stamp,
    }),
    { selector: (r) => r.id, maxLength: 6 },
  );

  it('importing a package twice changes no more than importing it once', () => {
    fc.assert(
      fc.property(rows, rows, fc.option(stamp, { nil: null }), (localRows, incoming, since) => {
        const local = new Map<string, (typeof localRows)[number]>(localRows.map((r) => [r.id, r]));
        const first = planMerge({
          incoming: { villages: incoming },
          local: { villages: local },
          keyOf: { villages: 'id' },
          since,
        });
        const after = new Map(local);
        for (const r of recordsToWrite(first, new Set()).villages ?? [])
          after.set(r.id as string, r as (typeof localRows)[number]);
        // After the commit the exchange time is the package's: at least every incoming stamp.
        const second = planMerge({
          incoming: { villages: incoming },
          local: { villages: after },
          keyOf: { villages: 'id' },
          since: at(28),
        });
        expect(recordsToWrite(second, new Set())).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it('into an empty profile, everything arrives as new and is written exactly', () => {
    fc.assert(
      fc.property(rows, (incoming) => {
        const plan = planMerge({
          incoming: { villages: incoming },
          local: { villages: new Map() },
          keyOf: { villages: 'id' },
          since: null,
        });
        expect(plan.counts.new).toBe(incoming.length);
        expect(recordsToWrite(plan, new Set()).villages ?? []).toEqual(incoming);
      }),
    );
  });
});
