import { describe, expect, it } from 'vitest';
import { standardFor, validateStandard } from './standard';
import { DEFAULT_BONUS_CAP, DEFAULT_CATEGORIES, DEFAULT_ITEMS } from './standardDefault';

describe('the default standard', () => {
  it('has 50 items in 8 categories worth 100 points, and passes its own checks', () => {
    expect(DEFAULT_ITEMS).toHaveLength(50);
    expect(DEFAULT_CATEGORIES).toHaveLength(8);
    expect(DEFAULT_CATEGORIES.reduce((s, c) => s + c.points, 0)).toBe(100);
    expect(
      validateStandard({
        categories: DEFAULT_CATEGORIES,
        items: DEFAULT_ITEMS,
        bonusCap: DEFAULT_BONUS_CAP,
      }),
    ).toEqual([]);
  });
  it('zeroes 生活垃圾 for open burning (A07)', () => {
    expect(DEFAULT_ITEMS.find((i) => i.code === 'A07')).toMatchObject({
      zeroesCategory: true,
      serious: true,
    });
  });
});

describe('validateStandard', () => {
  const categories = [
    { name: '生活垃圾', points: 60 },
    { name: '村容村貌', points: 40 },
  ];
  const item = {
    code: 'A01',
    category: '生活垃圾',
    title: '散落垃圾',
    perInstance: 1,
    cap: 4,
    unit: '处',
    zeroesCategory: false,
    serious: false,
  };

  it('refuses categories that do not add up to 100: 60 + 30 = 90', () => {
    const issues = validateStandard({
      categories: [categories[0]!, { name: '村容村貌', points: 30 }],
      items: [item],
      bonusCap: 5,
    });
    expect(issues.map((i) => i.message)).toEqual(['各类别分值合计应为 100 分，现在是 90 分。']);
  });
  it('names the item of a duplicate code, an unknown category and a cap above the category', () => {
    const issues = validateStandard({
      categories,
      bonusCap: 5,
      items: [
        item,
        { ...item },
        { ...item, code: 'B01', category: '不存在' },
        { ...item, code: 'D01', category: '村容村貌', cap: 41 },
      ],
    });
    expect(issues.map((i) => i.message)).toEqual([
      '第 A01 条：编号重复。',
      '第 B01 条：类别“不存在”不存在。',
      '第 B01 条：扣分上限应大于 0，且不超过所属类别的 0 分。',
      '第 D01 条：扣分上限应大于 0，且不超过所属类别的 40 分。',
    ]);
  });
});

describe('standardFor', () => {
  const versions = [
    { version: 1, effectiveFrom: '2025-01' },
    { version: 2, effectiveFrom: '2026-04' },
  ];
  it('scores March 2026 against v1 and April 2026 against v2; nothing before 2025', () => {
    expect(standardFor(versions, '2026-03')?.version).toBe(1);
    expect(standardFor(versions, '2026-04')?.version).toBe(2);
    expect(standardFor(versions, '2024-12')).toBeUndefined();
  });
});
