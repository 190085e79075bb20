import { describe, expect, it } from 'vitest';
import {
  checkVillageName,
  placeholderVillageNames,
  splitPastedList,
  splitGroups,
  validateVillageForm,
  validateVillageList,
} from './village';

describe('placeholderVillageNames', () => {
  it('gives 27 zero-padded names by default count 27: 村庄01 … 村庄27', () => {
    const names = placeholderVillageNames(27);
    expect(names).toHaveLength(27);
    expect(names[0]).toBe('村庄01');
    expect(names[26]).toBe('村庄27');
  });
  it('pads to three digits past 99', () => {
    expect(placeholderVillageNames(120)[0]).toBe('村庄001');
  });
});

describe('validateVillageList', () => {
  it('accepts a clean list and trims full-width spaces', () => {
    const result = validateVillageList(['张家村', '\u3000李家村 ']);
    expect(result.issues).toEqual([]);
    expect(result.names).toEqual(['张家村', '李家村']);
  });

  it('names the row of a blank, a duplicate and an over-long name (header row → first data row 2)', () => {
    const tooLong = '一二三四五六七八九十一二三四五六七八九十一'; // 21 characters
    const result = validateVillageList(['张家村', '', '张家村', tooLong], { firstRow: 2 });
    expect(result.names).toEqual(['张家村']);
    expect(result.issues.map((i) => i.row)).toEqual([3, 4, 5]);
    expect(result.issues[0]?.message).toBe('第 3 行：村名不能为空。');
    expect(result.issues[1]?.message).toBe('第 4 行：村名“张家村”与第 2 行重复。');
    expect(result.issues[2]?.message).toContain('21 个字，最多 20 个字');
  });

  it('refuses a name that already exists in the town', () => {
    const result = validateVillageList(['王家村'], { existing: ['王家村'] });
    expect(result.issues[0]?.message).toBe('第 1 行：村名“王家村”已经存在，村名不能重复。');
  });

  it('refuses an empty list', () => {
    expect(validateVillageList([]).issues[0]?.message).toContain('至少需要一个村');
  });
});

describe('checkVillageName', () => {
  it('counts Chinese characters, not bytes: 20 characters is allowed', () => {
    expect(checkVillageName('一二三四五六七八九十一二三四五六七八九十', [])).toBeNull();
  });
});

describe('splitPastedList', () => {
  it('drops trailing blank lines, keeps inner ones for reporting, handles CRLF', () => {
    expect(splitPastedList('甲村\r\n\r\n乙村\r\n\r\n')).toEqual(['甲村', '', '乙村']);
  });
});

describe('validateVillageForm', () => {
  const form = {
    name: '张家村',
    secretary: '李明',
    contact: '13800000000',
    groups: ['一组', '二组'],
  };
  it('accepts a complete village', () => {
    expect(validateVillageForm(form, ['李家村'])).toEqual([]);
  });
  it('refuses a blank name and a name another village has', () => {
    expect(validateVillageForm({ ...form, name: ' ' }, [])[0]?.message).toBe('村名不能为空。');
    expect(validateVillageForm(form, ['张家村'])[0]?.message).toBe(
      '村名“张家村”已经存在，村名不能重复。',
    );
  });
  it('refuses a repeated group', () => {
    expect(validateVillageForm({ ...form, groups: ['一组', '一组'] }, [])[0]?.message).toBe(
      '组名“一组”重复。',
    );
  });
});

describe('splitGroups', () => {
  it('splits on 、 ， , and new lines: 3 groups', () => {
    expect(splitGroups('一组、二组，三组\n')).toEqual(['一组', '二组', '三组']);
  });
});
