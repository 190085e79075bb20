import { describe, expect, it } from 'vitest';
import { auditWithoutPrivate, maskPrivate, withoutPrivate } from './privacy';

describe('private fields', () => {
  it('leave a problem without its complainant; other tables are untouched', () => {
    const problem = { id: 'p1', description: '夜间偷倒垃圾', complainant: '王大妈 13900001111' };
    expect(withoutPrivate('problems', problem)).toEqual({ id: 'p1', description: '夜间偷倒垃圾' });
    // The stored record itself is not changed.
    expect(problem.complainant).toBe('王大妈 13900001111');
    const village = { id: 'v1', name: '张家村', contact: '13800000000' };
    expect(withoutPrivate('villages', village)).toBe(village);
  });

  it('leave the history of a problem without the complainant, before and after', () => {
    const entry = {
      id: 'a1',
      table: 'problems',
      before: null,
      after: { id: 'p1', complainant: '王大妈' },
    };
    expect(auditWithoutPrivate(entry)).toEqual({ ...entry, after: { id: 'p1' } });
  });

  it('are shown masked: the first character, the rest as ＊ (at most six)', () => {
    expect(maskPrivate('王大妈')).toBe('王＊＊');
    expect(maskPrivate('李')).toBe('李＊');
    expect(maskPrivate('王大妈 13900001111')).toBe('王＊＊＊＊＊＊');
    expect(maskPrivate('  ')).toBe('');
  });
});
