import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSEQUENCE_RULES } from './consequences';
import { DEFAULT_FLAG_RULES } from './flags';
import { actionsForResult, buildResultRows } from './publication';
import type { RankInput } from './ranking';

const v = (name: string, score: number | null): RankInput => ({
  villageId: name,
  name,
  score,
  seriousCount: 0,
});
const january = [
  v('一村', 98),
  v('二村', 95),
  v('三村', 92),
  v('四村', 85),
  v('五村', 79),
  v('六村', 75),
  v('七村', 60),
];

describe('buildResultRows', () => {
  it('ranks, flags and averages: (98+95+92+85+79+75+60)/7 = 83.43', () => {
    const result = buildResultRows(january, DEFAULT_FLAG_RULES, true);
    expect(result.average).toBe(83.43);
    expect(result.rows.map((r) => `${r.name}${r.rank}${r.flag ?? ''}`)).toEqual([
      '一村1red',
      '二村2red',
      '三村3red',
      '四村4',
      '五村5yellow',
      '六村6yellow',
      '七村7yellow',
    ]);
  });

  it('a yellow flag names what cost the village its points; a red one does not need to', () => {
    const withLosses = january.map((r) =>
      r.name === '七村'
        ? { ...r, losses: '露天焚烧秸秆（扣 20 分）、河塘黑臭水体（扣 4 分）' }
        : r.name === '一村'
          ? { ...r, losses: '白色垃圾（扣 2 分）' }
          : r,
    );
    const rows = buildResultRows(withLosses, DEFAULT_FLAG_RULES, true).rows;
    const seven = rows.find((r) => r.name === '七村')!;
    expect(seven.flagReason).toMatch(/^得分 60 分，倒数第 1 名；/);
    expect(seven.flagReason).toMatch(
      /主要扣分：露天焚烧秸秆（扣 20 分）、河塘黑臭水体（扣 4 分）。$/,
    );
    expect(rows.find((r) => r.name === '一村')!.flagReason).not.toContain('主要扣分');
  });

  it('gives no flags to a month when flags are quarterly', () => {
    expect(
      buildResultRows(january, DEFAULT_FLAG_RULES, false).rows.every((r) => r.flag === null),
    ).toBe(true);
  });
});

describe('actionsForResult', () => {
  it('a second yellow in a row brings 约谈; a withdrawn red flag brings no reward; due 10 days after', () => {
    const previous = buildResultRows(january, DEFAULT_FLAG_RULES, true);
    const february = buildResultRows(
      [
        v('一村', 97),
        v('二村', 96),
        v('三村', 91),
        v('四村', 88),
        v('五村', 85),
        v('六村', 70),
        v('七村', 65),
      ],
      DEFAULT_FLAG_RULES,
      true,
    );
    const withdrawn = february.rows.map((r) =>
      r.name === '三村'
        ? { ...r, withdrawn: { reason: '复查发现露天焚烧', at: 't', by: '张环保' } }
        : r,
    );
    const actions = actionsForResult({
      result: { id: '2026-02', rows: withdrawn },
      earlier: [previous],
      rules: DEFAULT_CONSEQUENCE_RULES,
      publishedOn: '2026-03-02',
    });
    expect(actions.map((a) => `${a.villageId}:${a.kind}`)).toEqual([
      '一村:redReward',
      '二村:redReward',
      '六村:speech',
      '六村:interview',
      '七村:speech',
      '七村:interview',
    ]);
    expect(actions.every((a) => a.dueDate === '2026-03-12' && a.periodKey === '2026-02')).toBe(
      true,
    );
  });
});
