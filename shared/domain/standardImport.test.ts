import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, DEFAULT_ITEMS } from './standardDefault';
import { parseStandardRows, standardToRows, STANDARD_COLUMNS } from './standardImport';

const header = [...STANDARD_COLUMNS];

describe('parseStandardRows', () => {
  it('round-trips the default standard through its own spreadsheet rows', () => {
    const rows = standardToRows({ categories: DEFAULT_CATEGORIES, items: DEFAULT_ITEMS });
    const { standard, issues } = parseStandardRows(rows, 5);
    expect(issues).toEqual([]);
    expect(standard?.items).toEqual(DEFAULT_ITEMS);
    expect(standard?.categories).toEqual(DEFAULT_CATEGORIES);
  });

  it('names the missing columns', () => {
    expect(parseStandardRows([['编号', '内容']], 5).issues[0]?.message).toBe(
      '第 1 行缺少列：类别、类别分值、每处扣分、单位、扣分上限、一票扣完、严重问题。',
    );
  });

  it('reports bad rows by number: a word for a number, a bad yes/no, inconsistent category points', () => {
    const rows = [
      header,
      ['A01', '垃圾', '60', '散落垃圾', '1', '处', '4', '否', '否'],
      ['A02', '垃圾', '60', '满溢', '一分', '处', '4', '否', '否'],
      ['A03', '垃圾', '50', '焚烧', '', '处', '', '是', '也许'],
      ['B01', '村容', '40', '乱搭乱建', '1', '处', '3', '否', '是'],
    ];
    const { standard, issues } = parseStandardRows(rows, 5);
    expect(standard).toBeNull();
    expect(issues.map((i) => i.message)).toEqual([
      '第 3 行“每处扣分”应是数字，现在是“一分”。',
      '第 4 行“垃圾”的类别分值是 50，与前面的 60 不一致。',
      '第 4 行“严重问题”应填“是”或“否”，现在是“也许”。',
    ]);
  });

  it('checks the whole standard once the rows are clean: points must add up to 100', () => {
    const rows = [header, ['A01', '垃圾', '60', '散落垃圾', '1', '处', '4', '否', '否']];
    expect(parseStandardRows(rows, 5).issues.map((i) => i.message)).toEqual([
      '各类别分值合计应为 100 分，现在是 60 分。',
    ]);
  });
});
