import { describe, expect, it } from 'vitest';
import { auditAction, changedFields, historyRows, stepSummary } from './audit';

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
