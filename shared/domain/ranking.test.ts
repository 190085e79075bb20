import { describe, expect, it } from 'vitest';
import { averageScore, quarterlyInputs, rankVillages, type RankInput } from './ranking';

const v = (name: string, score: number | null, seriousCount = 0): RankInput => ({
  villageId: name,
  name,
  score,
  seriousCount,
});

describe('rankVillages', () => {
  it('shares ranks on ties (1, 2, 2, 4) and orders the tie by fewer serious deductions, then name', () => {
    const { ranked } = rankVillages([
      v('丁村', 80),
      v('乙村', 90, 2),
      v('甲村', 95),
      v('丙村', 90, 1),
    ]);
    expect(ranked.map((r) => [r.name, r.rank, r.rankFromBottom, r.tied])).toEqual([
      ['甲村', 1, 4, false],
      ['丙村', 2, 2, true], // one serious deduction: listed before 乙村
      ['乙村', 2, 2, true],
      ['丁村', 4, 1, false],
    ]);
  });

  it('orders an exact tie by name in pinyin: 安 (an) before 白 (bai) before 陈 (chen)', () => {
    const { ranked } = rankVillages([v('陈村', 88), v('白村', 88), v('安村', 88)]);
    expect(ranked.map((r) => r.name)).toEqual(['安村', '白村', '陈村']);
    expect(ranked.every((r) => r.rank === 1)).toBe(true);
  });

  it('lists a village without a score apart and leaves it out of the ranks', () => {
    const { ranked, unscored } = rankVillages([v('甲村', 90), v('乙村', null), v('丙村', 70)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
    expect(unscored.map((u) => u.name)).toEqual(['乙村']);
  });
});

describe('averageScore', () => {
  it('averages scored villages: (90 + 85 + 70.5) / 3 = 81.83', () => {
    expect(averageScore([{ score: 90 }, { score: 85 }, { score: 70.5 }])).toBe(81.83);
    expect(averageScore([])).toBeNull();
  });
});

describe('quarterlyInputs', () => {
  it('means the months a village was scored: (90 + 84 + 87) / 3 = 87; missing a month: (80 + 70) / 2 = 75', () => {
    const months = [
      [v('甲村', 90, 1), v('乙村', 80)],
      [v('甲村', 84), v('乙村', null)],
      [v('甲村', 87, 1), v('乙村', 70, 2)],
    ];
    const result = quarterlyInputs(months);
    expect(result).toEqual([
      { villageId: '甲村', name: '甲村', score: 87, seriousCount: 2 },
      { villageId: '乙村', name: '乙村', score: 75, seriousCount: 2 },
    ]);
  });

  it('gives no quarterly score to a village scored in no month', () => {
    expect(quarterlyInputs([[v('甲村', null)], [v('甲村', null)]])[0]?.score).toBeNull();
  });
});
