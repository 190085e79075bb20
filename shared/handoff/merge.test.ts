import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinRevisions, type Revision } from '../domain/record';
import {
  decisionKey,
  isDecided,
  lastCommonVersion,
  mergedRevision,
  planMerge,
  recordsToWrite,
  sameRecord,
  type Decision,
  type MergePlan,
  type Row,
} from './merge';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
const rec = (id: string, fields: Row, rev: Revision, day = 5): Row => ({
  id,
  ...fields,
  createdAt: at(1),
  updatedAt: at(day),
  updatedBy: '张环保',
  rev,
});

const keyOf = { villages: 'id', problems: 'id', settings: 'key' };
const kinds = (plan: MergePlan) => plan.items.map((i) => `${i.id || '-'}:${i.kind}`);

describe('what each side changed, told by revisions (A is this PC, B the other)', () => {
  // Both PCs had every village at {A:1} (B imported A's package). Since then:
  const local = new Map<string, Row>([
    ['a', rec('a', { name: '张家村' }, { A: 1 })], // nobody changed it
    ['b', rec('b', { name: '李家村' }, { A: 1 })], // only B changed it
    ['c', rec('c', { name: '王家村（本机改）' }, { A: 2 })], // only A changed it
    ['d', rec('d', { name: '赵家村（本机改）' }, { A: 2 })], // both: conflict
  ]);
  const incoming = [
    rec('a', { name: '张家村' }, { A: 1 }),
    // B's clock is a day behind: its change looks older by time, and is still B's change.
    rec('b', { name: '李家村（对方改）' }, { A: 1, B: 1 }, 4),
    rec('c', { name: '王家村' }, { A: 1 }, 5),
    rec('d', { name: '赵家村（对方改）' }, { A: 1, B: 1 }, 9),
    rec('e', { name: '新村' }, { B: 1 }),
    { name: '没有编号' },
  ];
  const plan = planMerge({
    incoming: { villages: incoming, mystery: [{ id: 'x' }] },
    local: { villages: local },
    keyOf,
    base: () => rec('d', { name: '赵家村' }, { A: 1 }),
  });

  it('sorts every record: unchanged, changed there, changed here, changed on both, new, refused', () => {
    expect(kinds(plan)).toEqual([
      'a:unchanged',
      'b:changed',
      'c:keptLocal',
      'd:conflict',
      'e:new',
      '-:rejected',
      '-:rejected',
    ]);
    expect(plan.items.at(-1)?.reason).toBe('不认识的数据表“mystery”。');
    expect(plan.items.at(-2)?.reason).toBe('记录缺少编号（id）。');
    // The name is the one field both changed: the user's to decide.
    expect(plan.items[3]?.fields).toEqual([
      { field: 'name', fields: ['name'], local: '赵家村（本机改）', incoming: '赵家村（对方改）' },
    ]);
  });

  it('writes what only the other side changed, and a conflict as decided, with both revisions', () => {
    const undecided = recordsToWrite(plan, new Map());
    expect(undecided.taken.villages?.map((r) => r.id)).toEqual(['b', 'e']);
    expect(isDecided(plan.items[3]!, undefined)).toBe(false);
    const decisions = new Map<string, Decision>([
      [decisionKey(plan.items[3]!), { fields: { name: 'incoming' } }],
    ]);
    const { merged } = recordsToWrite(plan, decisions);
    expect(merged.map((m) => m.record.name)).toEqual(['赵家村（对方改）']);
    // Written with a revision that has seen both: {A:2} and {A:1,B:1} → {A:2,B:1} (+1 for A).
    expect(mergedRevision(plan.items[3]!)).toEqual({ A: 2, B: 1 });
  });
});

describe('a ledger item changed on both PCs (the case the office met)', () => {
  const note = (text: string, day: number, by: string) => ({ at: at(day), by, text });
  const base = rec(
    'p1',
    { number: '2026-镇督-0001', status: 'pending', progress: [note('已通知村里', 10, '张环保')] },
    { A: 1 },
    10,
  );
  // A (this PC) adds a progress note; B starts the rectification and adds a note of its own.
  const mine = rec(
    'p1',
    { ...base, progress: [...(base.progress as Row[]), note('已清运一车', 12, '张环保')] },
    { A: 2 },
    12,
  );
  const theirs = rec(
    'p1',
    {
      ...base,
      status: 'inProgress',
      progress: [...(base.progress as Row[]), note('村里已开始清理', 11, '李干事')],
    },
    { A: 1, B: 1 },
    11,
  );

  it('merges by itself: 开始整改 from there, both progress notes in time order', () => {
    const plan = planMerge({
      incoming: { problems: [theirs] },
      local: { problems: new Map([['p1', mine]]) },
      keyOf,
      base: () => base,
    });
    expect(kinds(plan)).toEqual(['p1:merged']);
    const { merged } = recordsToWrite(plan, new Map());
    expect(merged[0]?.record.status).toBe('inProgress');
    expect((merged[0]?.record.progress as Row[]).map((n) => n.text)).toEqual([
      '已通知村里',
      '村里已开始清理',
      '已清运一车',
    ]);
  });

  it('without the common version, keeps both notes and asks only about the status', () => {
    const plan = planMerge({
      incoming: { problems: [theirs] },
      local: { problems: new Map([['p1', mine]]) },
      keyOf,
    });
    expect(kinds(plan)).toEqual(['p1:conflict']);
    const fields = plan.items[0]!.fields!;
    // Status goes with its verification and unfixable note (a group); progress joins.
    expect(fields.map((f) => [f.field, f.auto?.take ?? '?'])).toEqual([
      ['status', '?'],
      ['progress', 'both'],
    ]);
    expect(fields[0]?.fields).toEqual(['status', 'verification', 'unfixable']);
  });

  it('a note removed on one side since the common version stays removed', () => {
    const dropped = rec('p1', { ...base, progress: [] }, { A: 2 }, 12);
    const added = rec(
      'p1',
      { ...base, progress: [...(base.progress as Row[]), note('村里已开始清理', 11, '李干事')] },
      { A: 1, B: 1 },
    );
    const plan = planMerge({
      incoming: { problems: [added] },
      local: { problems: new Map([['p1', dropped]]) },
      keyOf,
      base: () => base,
    });
    const { merged } = recordsToWrite(plan, new Map());
    expect((merged[0]?.record.progress as Row[]).map((n) => n.text)).toEqual(['村里已开始清理']);
  });
});

describe('what is private stays on this PC', () => {
  const local = rec('p2', { description: '夜间偷倒', complainant: '王大妈' }, { A: 1 });
  it('a package without the complainant is not a change', () => {
    const plan = planMerge({
      incoming: { problems: [rec('p2', { description: '夜间偷倒' }, { A: 1 })] },
      local: { problems: new Map([['p2', local]]) },
      keyOf,
    });
    expect(kinds(plan)).toEqual(['p2:unchanged']);
  });
  it('a history entry that arrives without the complainant is the same entry', () => {
    const entry = (after: Row) => ({
      id: 'a1',
      at: at(2),
      table: 'problems',
      recordId: 'p2',
      before: null,
      after,
    });
    const plan = planMerge({
      incoming: { audit: [entry({ id: 'p2', description: '夜间偷倒' })] },
      local: {
        audit: new Map([
          ['a1', entry({ id: 'p2', description: '夜间偷倒', complainant: '王大妈' })],
        ]),
      },
      keyOf: { audit: 'id' },
    });
    expect(kinds(plan)).toEqual(['a1:unchanged']);
  });

  it('a change from there keeps the complainant entered here', () => {
    const plan = planMerge({
      incoming: { problems: [rec('p2', { description: '夜间偷倒建筑垃圾' }, { A: 1, B: 1 })] },
      local: { problems: new Map([['p2', local]]) },
      keyOf,
    });
    expect(recordsToWrite(plan, new Map()).taken.problems?.[0]).toMatchObject({
      description: '夜间偷倒建筑垃圾',
      complainant: '王大妈',
    });
  });
});

describe('settings and unversioned rows', () => {
  it('keep this PC’s value and take only new keys', () => {
    const plan = planMerge({
      incoming: {
        settings: [
          { key: 'flagRules', value: { redCount: 2 } },
          { key: 'ledger.views', value: [] },
        ],
      },
      local: { settings: new Map([['flagRules', { key: 'flagRules', value: { redCount: 3 } }]]) },
      keyOf,
    });
    expect(kinds(plan)).toEqual(['flagRules:keptLocal', 'ledger.views:new']);
  });
});

describe('the last version both sides had', () => {
  it('is the shared history entry whose revision includes the others, not the latest by clock', () => {
    const v1 = { at: at(20), after: rec('a', { name: '一' }, { A: 1 }) };
    // Written on a PC whose clock is behind, after v1.
    const v2 = { at: at(10), after: rec('a', { name: '二' }, { A: 1, B: 1 }) };
    expect(lastCommonVersion([v1, v2])?.name).toBe('二');
    expect(lastCommonVersion([])).toBeUndefined();
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

/**
 * Two PCs, A (this one) and B, start from the same records; each then changes some of them; B's
 * package is imported here, with random choices for what both changed; then A's result goes
 * back to B. Records: a name, a note, and progress notes (a list both may add to).
 */
describe('properties of an exchange between two PCs', () => {
  type Rec = {
    id: string;
    name: string;
    note: string;
    progress: string[];
    updatedAt: string;
    rev: Revision;
  };
  const ids = ['r1', 'r2', 'r3', 'r4'];
  const edit = fc.record({
    name: fc.option(fc.constantFrom('甲', '乙', '丙'), { nil: undefined }),
    note: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
    add: fc.option(fc.constantFrom('巡查', '清运', '验收'), { nil: undefined }),
  });
  const edits = fc.dictionary(fc.constantFrom(...ids), edit, { maxKeys: 4 });
  const base: Rec[] = ids.map((id) => ({
    id,
    name: '原',
    note: '',
    progress: [],
    updatedAt: at(1),
    rev: { A: 1 },
  }));

  /** An installation's edits, stamped as the app does: its count in the revision goes up. */
  type Edit = { name?: string | undefined; note?: string | undefined; add?: string | undefined };
  const apply = (side: 'A' | 'B', records: Rec[], changes: Partial<Record<string, Edit>>) =>
    records.map((r) => {
      const e = changes[r.id];
      if (!e || (e.name === undefined && e.note === undefined && e.add === undefined)) return r;
      return {
        ...r,
        name: e.name ?? r.name,
        note: e.note ?? r.note,
        progress: e.add ? [...r.progress, `${side}:${e.add}`] : r.progress,
        rev: { ...r.rev, [side]: (r.rev[side] ?? 0) + 1 },
      };
    });

  /** Imports `theirs` into `mine` at installation `side`: writes what the plan says. */
  const exchange = (
    side: 'A' | 'B',
    mine: Rec[],
    theirs: Rec[],
    choose: (field: string) => 'local' | 'incoming',
  ) => {
    const plan = planMerge({
      incoming: { villages: theirs },
      local: { villages: new Map(mine.map((r) => [r.id, r as unknown as Row])) },
      keyOf,
      base: (_t, id) => base.find((r) => r.id === id),
    });
    const decisions = new Map<string, Decision>();
    for (const item of plan.items)
      if (item.kind === 'conflict')
        decisions.set(decisionKey(item), {
          fields: Object.fromEntries(
            (item.fields ?? []).filter((f) => !f.auto).map((f) => [f.field, choose(f.field)]),
          ),
        });
    const { taken, merged } = recordsToWrite(plan, decisions);
    const after = new Map(mine.map((r) => [r.id, r]));
    for (const r of taken.villages ?? []) after.set(r.id as string, r as unknown as Rec);
    for (const { item, record } of merged) {
      const rev = joinRevisions(mergedRevision(item), {});
      after.set(item.id, {
        ...(record as unknown as Rec),
        rev: { ...rev, [side]: (rev[side] ?? 0) + 1 },
      });
    }
    return { plan, result: [...after.values()] };
  };
  const content = (r: Rec) => ({ name: r.name, note: r.note, progress: [...r.progress].sort() });

  it('loses no change made on one side only, keeps both sides’ progress notes, and imports once', () => {
    fc.assert(
      fc.property(edits, edits, fc.boolean(), (onA, onB, preferMine) => {
        const mineA = apply('A', base, onA);
        const fromB = apply('B', base, onB);
        const { result } = exchange('A', mineA, fromB, () => (preferMine ? 'local' : 'incoming'));
        for (const id of ids) {
          const [b, a, t, r] = [base, mineA, fromB, result].map((l) => l.find((x) => x.id === id)!);
          for (const field of ['name', 'note'] as const) {
            if (a![field] === b![field]) expect(r![field]).toBe(t![field]);
            if (t![field] === b![field]) expect(r![field]).toBe(a![field]);
          }
          for (const n of [...a!.progress, ...t!.progress]) expect(r!.progress).toContain(n);
        }
        // The same package again writes nothing: every record is the same, or newer here.
        const again = exchange('A', result, fromB, () => 'incoming');
        expect(recordsToWrite(again.plan, new Map())).toEqual({ taken: {}, merged: [] });
      }),
      { numRuns: 400 },
    );
  });

  it('after the exchange back, both PCs hold the same records', () => {
    fc.assert(
      fc.property(edits, edits, (onA, onB) => {
        const mineA = apply('A', base, onA);
        const mineB = apply('B', base, onB);
        const atA = exchange('A', mineA, mineB, () => 'local').result;
        const back = exchange('B', mineB, atA, () => 'incoming');
        // A's result has seen every change of B's: B takes it without a question.
        expect(back.plan.counts.conflict + back.plan.counts.merged).toBe(0);
        expect(back.result.map(content)).toEqual(atA.map(content));
      }),
      { numRuns: 400 },
    );
  });
});
