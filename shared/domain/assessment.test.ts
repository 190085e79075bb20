import { describe, expect, it } from 'vitest';
import { scorePeriod, untouchedVillages } from './assessment';
import { DEFAULT_CATEGORIES, DEFAULT_ITEMS } from './standardDefault';

const standard = { categories: DEFAULT_CATEGORIES, items: DEFAULT_ITEMS, bonusCap: 5 };
const villages = [
  { id: 'v1', name: '甲村' },
  { id: 'v2', name: '乙村' },
  { id: 'v3', name: '丙村' },
];

describe('scorePeriod', () => {
  it('scores each village from its own cells; a skipped village gets no score', () => {
    const { inputs } = scorePeriod({
      standard,
      villages,
      deductions: [
        { villageId: 'v1', itemCode: 'A01', count: 2, points: null }, // −2
        { villageId: 'v1', itemCode: 'G02', count: 1, points: null }, // −2, serious
        { villageId: 'v3', itemCode: 'A01', count: 5, points: null }, // skipped village: ignored
      ],
      checks: [
        { villageId: 'v2', skipped: false, bonus: 1.5 }, // 100 + 1.5 → 100
        { villageId: 'v3', skipped: true, bonus: 0 },
      ],
    });
    expect(inputs).toEqual([
      {
        villageId: 'v1',
        name: '甲村',
        score: 96,
        seriousCount: 1,
        // Two deductions of 2 points: by item code when equal.
        losses: '垃圾收集点（箱、池）周边有散落垃圾（扣 2 分）、河塘黑臭水体（扣 2 分）',
      },
      { villageId: 'v2', name: '乙村', score: 100, seriousCount: 0, losses: '' },
      { villageId: 'v3', name: '丙村', score: null, seriousCount: 0 },
    ]);
  });
});

describe('villages nothing was entered for', () => {
  it('are those without a deduction, a bonus or 未检查, whatever a zero count says', () => {
    const villages = [
      { id: 'e', name: '东村' },
      { id: 'w', name: '西村' },
      { id: 's', name: '南村' },
      { id: 'n', name: '北村' },
      { id: 'm', name: '中村' },
    ];
    const untouched = untouchedVillages(
      villages,
      [
        { villageId: 'e', count: 2, points: null },
        { villageId: 's', count: 0, points: null }, // typed 0: nothing found
        { villageId: 'm', count: null, points: 1.5 },
      ],
      [
        { villageId: 'w', skipped: true, bonus: 0 },
        { villageId: 'n', skipped: false, bonus: 0 },
      ],
    );
    expect(untouched.map((v) => v.name)).toEqual(['南村', '北村']);
  });
});
