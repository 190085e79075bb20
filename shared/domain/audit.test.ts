import { describe, expect, it } from 'vitest';
import { auditAction, changedFields } from './audit';

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
