import { describe, expect, it } from 'vitest';
import { auditAction, changedFields, entryActionLabel, historyRows, stepSummary } from './audit';

describe('changedFields', () => {
  it('lists the changed fields, ignoring the write stamps', () => {
    const before = { name: '张家村', secretary: '李明', updatedAt: 'a', updatedBy: 'x' };
    const after = { name: '张家村', secretary: '王芳', updatedAt: 'b', updatedBy: 'y' };
    expect(changedFields(before, after)).toEqual(['secretary']);
  });
  it('compares arrays by value and sees added fields', () => {
    expect(changedFields({ roles: ['a'] }, { roles: ['a'], leaderId: 'p1' })).toEqual(['leaderId']);
    expect(changedFields({ roles: ['a'] }, { roles: ['a', 'b'] })).toEqual(['roles']);
  });
  it('lists every field of a new record', () => {
    expect(changedFields(null, { b: 1, a: 2 })).toEqual(['a', 'b']);
  });
});

describe('auditAction', () => {
  it('tells create, update, delete and restore apart', () => {
    expect(auditAction(null, {})).toBe('create');
    expect(auditAction({}, {})).toBe('update');
    expect(auditAction({}, { deletedAt: 't' })).toBe('delete');
    expect(auditAction({ deletedAt: 't' }, {})).toBe('restore');
  });
});

describe('the history as people read it', () => {
  const entry = (
    id: string,
    table: string,
    action: 'create' | 'update' | 'delete',
    group?: string,
  ) => ({
    id,
    at: '2026-11-30T08:00:00.000Z',
    actor: '张环保',
    table,
    recordId: id,
    action,
    label: id,
    before: null,
    after: null,
    ...(group ? { group } : {}),
  });

  it('shows a month closed as one step of its many entries, and other entries as they are', () => {
    const step = '关闭2026年11月考核';
    const rows = historyRows([
      entry('p', 'periods', 'update', step),
      entry('r', 'results', 'create', step),
      entry('a1', 'dueActions', 'create', step),
      entry('a2', 'dueActions', 'create', step),
      entry('x', 'villages', 'update'),
    ]);
    expect(rows.map((r) => (r.kind === 'step' ? r.entries.length : r.entry.id))).toEqual([4, 'x']);
    const first = rows[0]!;
    if (first.kind !== 'step') throw new Error('a step');
    const labels: Record<string, string> = {
      periods: '考核月份',
      results: '红黄榜',
      dueActions: '后续事项',
    };
    expect(stepSummary(first.entries, (t) => labels[t] ?? t)).toBe(
      '修改 考核月份 1 条，新建 红黄榜 1 条，新建 后续事项 2 条',
    );
  });
});

describe("entryActionLabel: a ledger item's steps told apart", () => {
  const item = {
    status: 'inProgress',
    measures: [{ id: 'm1', text: '清运建筑垃圾', done: false }],
    afterPhotos: [],
    supervised: false,
    updatedAt: 'a',
  };
  const edit = (after: Record<string, unknown>, table = 'problems') => ({
    table,
    action: 'update' as const,
    before: item,
    after: { ...item, ...after, updatedAt: 'b' },
  });
  const measure2 = { id: 'm2', text: '平整场地', done: false };

  it('names adding a measure 新增整改措施 and ticking one 完成整改措施, not both 修改', () => {
    expect(entryActionLabel(edit({ measures: [...item.measures, measure2] }))).toBe('新增整改措施');
    expect(entryActionLabel(edit({ measures: [{ ...item.measures[0], done: true }] }))).toBe(
      '完成整改措施',
    );
    const done = { ...item, measures: [{ ...item.measures[0], done: true }] };
    expect(
      entryActionLabel({ table: 'problems', action: 'update', before: done, after: item }),
    ).toBe('取消完成整改措施');
  });

  it("names the workflow's steps and the page's other one-field edits", () => {
    expect(entryActionLabel(edit({ status: 'closeRequested' }))).toBe('申请销号');
    expect(entryActionLabel(edit({ status: 'unfixable', unfixable: { reason: 'x' } }))).toBe(
      '认定无法整改',
    );
    expect(entryActionLabel(edit({ afterPhotos: [{ attachmentId: 'a' }] }))).toBe(
      '添加整改后照片或证明',
    );
    expect(entryActionLabel(edit({ supervised: true }))).toBe('加入督办');
    expect(
      entryActionLabel(edit({ deadline: '2026-05-30', extensions: [{ to: '2026-05-30' }] })),
    ).toBe('延期');
  });

  it('names the 回头看 steps: a visit, a rebound, a long-term close and its end', () => {
    const visit = { id: 'r1', date: '2026-06-01', result: 'holds' };
    expect(entryActionLabel(edit({ rechecks: [visit] }))).toBe('回头看：巩固');
    expect(
      entryActionLabel(
        edit({ rechecks: [{ ...visit, result: 'rebound' }], reboundTo: { problemId: 'n' } }),
      ),
    ).toBe('回头看：反弹');
    expect(entryActionLabel(edit({ reboundTo: { problemId: 'n' } }))).toBe('标记反弹');
    const requested = { ...item, status: 'closeRequested' };
    expect(
      entryActionLabel({
        table: 'problems',
        action: 'update',
        before: requested,
        after: { ...requested, status: 'closed', longTerm: { duty: '保洁', intervalDays: 30 } },
      }),
    ).toBe('验收销号（已完成·长期坚持）');
    expect(entryActionLabel(edit({ countyRecheckDates: ['2026-07-01'] }))).toBe(
      '填写上级回头看日期',
    );
  });

  it('leaves any other edit, another table, a correction or a merge as its action says', () => {
    // Two fields at once (a correction typed by hand, or a merge) is a plain 修改.
    expect(
      entryActionLabel(edit({ measures: [...item.measures, measure2], supervised: true })),
    ).toBe('修改');
    expect(entryActionLabel(edit({ place: '三组' }))).toBe('修改');
    expect(entryActionLabel(edit({ measures: [...item.measures, measure2] }, 'villages'))).toBe(
      '修改',
    );
    expect(entryActionLabel({ ...edit({ status: 'closed' }), action: 'merge' })).toBe(
      '合并两台电脑的修改',
    );
    expect(entryActionLabel({ ...edit({}), action: 'create', before: null })).toBe('新建');
  });
});

describe('entryActionLabel: a signing key replaced', () => {
  const key = {
    county: '绿水县',
    publicKey: 'aa',
    fingerprint: 'AAAA',
    registeredAt: '2026-11-01T02:00:00.000Z',
    registeredBy: '张环保',
    previousKeys: [],
  };
  const rekeyed = {
    ...key,
    publicKey: 'bb',
    fingerprint: 'BBBB',
    previousKeys: [{ fingerprint: 'AAAA', until: 'x', by: '张环保', reason: '县里换了电脑' }],
  };
  it("names the town's new county key 更换县级密钥 and the county's new town key 更换密钥", () => {
    expect(
      entryActionLabel({ table: 'settings', action: 'update', before: key, after: rekeyed }),
    ).toBe('更换县级密钥');
    expect(
      entryActionLabel({
        table: 'countyTowns',
        action: 'update',
        before: { ...key, name: '青山镇' },
        after: { ...rekeyed, name: '青山镇' },
      }),
    ).toBe('更换密钥');
  });
  it('leaves any other edit of a setting 修改', () => {
    expect(
      entryActionLabel({
        table: 'settings',
        action: 'update',
        before: { key: 'x', value: 1 },
        after: { key: 'x', value: 2 },
      }),
    ).toBe('修改');
  });
});
