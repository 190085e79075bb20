import { describe, expect, it } from 'vitest';
import type { PeriodResult, ResultRow } from './assessment';
import { averageTrend, scoreBand, villageTiles } from './dashboard';

const row = (
  villageId: string,
  score: number,
  rank: number,
  flag: ResultRow['flag'] = null,
): ResultRow => ({
  villageId,
  name: villageId,
  score,
  rank,
  rankFromBottom: 0,
  tied: false,
  seriousCount: 0,
  flag,
  flagReason: '',
});
const result = (id: string, rows: ResultRow[], average: number): PeriodResult => ({
  id,
  cadence: 'month',
  rows,
  unscored: [],
  average,
  publishedAt: '',
  flagsAwarded: true,
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
});

describe('villageTiles', () => {
  const results = new Map([
    ['2025-12', result('2025-12', [row('甲', 88, 2), row('乙', 92, 1)], 90)],
    ['2026-01', result('2026-01', [row('甲', 95, 1, 'red'), row('乙', 85, 2)], 90)],
  ]);
  const villages = [
    { id: '甲', name: '甲村' },
    { id: '乙', name: '乙村' },
    { id: '丙', name: '丙村' },
  ];

  it('shows score, rank, flag and the change since December across the year boundary', () => {
    const [a, b, c] = villageTiles(villages, results, '2026-01');
    expect(a).toMatchObject({
      score: 95,
      rank: 1,
      flag: 'red',
      rankChange: 1,
      scoreChange: 7,
      band: 'good',
      versusAverage: 'above',
    });
    expect(b).toMatchObject({
      score: 85,
      rank: 2,
      rankChange: -1,
      scoreChange: -7,
      band: 'watch',
      versusAverage: 'below',
    });
    expect(c).toMatchObject({ score: null, rank: null, rankChange: null, band: null });
  });
});

describe('scoreBand', () => {
  it('puts 90 in 优, 80 in 中 and 79.5 in 差', () => {
    expect([scoreBand(90), scoreBand(80), scoreBand(79.5)]).toEqual(['good', 'watch', 'bad']);
  });
});

describe('averageTrend', () => {
  it('keeps months only, in order, at most the last N', () => {
    const q = { ...result('2026-Q1', [], 80), cadence: 'quarter' as const };
    const trend = averageTrend(
      [result('2026-02', [], 91), q, result('2026-01', [], 90), result('2025-12', [], 89)],
      2,
    );
    expect(trend).toEqual([
      { month: '2026-01', average: 90 },
      { month: '2026-02', average: 91 },
    ]);
  });
});
