import { describe, expect, it } from 'vitest';
import { awardFlags, DEFAULT_FLAG_RULES, validateFlagRules } from './flags';
import { rankVillages, type RankInput } from './ranking';

const v = (name: string, score: number | null): RankInput => ({
  villageId: name,
  name,
  score,
  seriousCount: 0,
});
const flagsOf = (inputs: RankInput[], rules = DEFAULT_FLAG_RULES) =>
  awardFlags(rankVillages(inputs).ranked, rules).map((f) => `${f.villageId}:${f.color}`);

describe('awardFlags (top 3 ≥ 90 red, bottom 3 < 80 yellow)', () => {
  const town = [
    v('一村', 98),
    v('二村', 95),
    v('三村', 92),
    v('四村', 91),
    v('五村', 85),
    v('六村', 79),
    v('七村', 75),
    v('八村', 60),
  ];

  it('gives 3 red and 3 yellow in a plain period', () => {
    expect(flagsOf(town)).toEqual([
      '一村:red',
      '二村:red',
      '三村:red',
      '八村:yellow',
      '七村:yellow',
      '六村:yellow',
    ]);
  });

  it('gives the flag to every village tied at the cut: 三村 and 四村 both 92 → 4 red', () => {
    const tied = town.map((x) => (x.name === '四村' ? v('四村', 92) : x));
    expect(flagsOf(tied).filter((f) => f.endsWith('red'))).toEqual([
      '一村:red',
      '二村:red',
      '三村:red',
      '四村:red',
    ]);
  });

  it('gives fewer red flags when fewer than 3 reach 90: only 一村 (93) qualifies', () => {
    const result = flagsOf([v('一村', 93), v('二村', 89.5), v('三村', 88), v('四村', 85)]);
    expect(result).toEqual(['一村:red']);
  });

  it('gives fewer yellow flags when fewer than 3 are below 80: only 八村 (60)', () => {
    const result = flagsOf([v('一村', 95), v('二村', 85), v('三村', 82), v('八村', 60)]);
    expect(result.filter((f) => f.endsWith('yellow'))).toEqual(['八村:yellow']);
  });

  it('never gives one village both flags in a tiny town', () => {
    expect(
      flagsOf([v('一村', 95), v('二村', 70)], { ...DEFAULT_FLAG_RULES, yellowBelowScore: 99 }),
    ).toEqual(['一村:red', '二村:yellow']);
  });

  it('leaves an unscored village without a flag', () => {
    expect(flagsOf([v('一村', 95), v('二村', null)])).toEqual(['一村:red']);
  });

  it('states the reason with score, rank and rule', () => {
    const [red] = awardFlags(
      rankVillages([v('一村', 96.5), v('二村', 70)]).ranked,
      DEFAULT_FLAG_RULES,
    );
    expect(red?.reason).toBe('得分 96.5 分，全镇第 1 名；红旗标准：前 3 名且不低于 90 分。');
  });
});

describe('validateFlagRules', () => {
  it('refuses a yellow line above the red minimum', () => {
    expect(validateFlagRules({ ...DEFAULT_FLAG_RULES, yellowBelowScore: 95 })).toEqual([
      '黄旗分数线不能高于红旗最低分。',
    ]);
  });
});
