import { describe, expect, it } from 'vitest';
import {
  actionState,
  DEFAULT_CONSEQUENCE_RULES,
  dueActions,
  validateConsequenceRules,
} from './consequences';
import type { FlagAward } from './flags';

const red = (villageId: string): FlagAward => ({ villageId, color: 'red', reason: '' });
const yellow = (villageId: string): FlagAward => ({ villageId, color: 'yellow', reason: '' });

describe('dueActions', () => {
  it('a yellow flag calls for a speech; a red flag for the 2000-yuan reward', () => {
    const actions = dueActions({
      flags: [red('甲'), yellow('乙')],
      priorYellows: [new Set()],
      ranks: new Map(),
      previousRanks: null,
      rules: DEFAULT_CONSEQUENCE_RULES,
    });
    expect(actions.map((a) => [a.villageId, a.kind, a.amountYuan])).toEqual([
      ['甲', 'redReward', 2000],
      ['乙', 'speech', undefined],
    ]);
  });

  it('two yellows in a row (2025-12 then 2026-01) call for a 镇纪委约谈, across the year boundary', () => {
    // priorYellows[0] is 2025-12, the month before 2026-01.
    const actions = dueActions({
      flags: [yellow('乙'), yellow('丙')],
      priorYellows: [new Set(['乙']), new Set(['乙', '丙'])],
      ranks: new Map(),
      previousRanks: null,
      rules: DEFAULT_CONSEQUENCE_RULES,
    });
    expect(
      actions.filter((a) => a.kind === 'interview').map((a) => [a.villageId, a.title]),
    ).toEqual([['乙', '连续 3 次黄旗，由镇纪委约谈村党支部书记']]);
  });

  it('a yellow after a break does not count as in a row: 丙 yellow two months ago only', () => {
    const actions = dueActions({
      flags: [yellow('丙')],
      priorYellows: [new Set(), new Set(['丙'])],
      ranks: new Map(),
      previousRanks: null,
      rules: DEFAULT_CONSEQUENCE_RULES,
    });
    expect(actions.map((a) => a.kind)).toEqual(['speech']);
  });

  it('climbing 3 places (8th → 5th) wins the progress prize; 2 places (6th → 4th) does not', () => {
    const actions = dueActions({
      flags: [],
      priorYellows: [],
      ranks: new Map([
        ['甲', 5],
        ['乙', 4],
        ['丙', 1],
      ]),
      previousRanks: new Map([
        ['甲', 8],
        ['乙', 6],
      ]),
      rules: DEFAULT_CONSEQUENCE_RULES,
    });
    expect(actions).toEqual([
      {
        villageId: '甲',
        kind: 'progressPrize',
        title: '排名从第 8 名升至第 5 名（上升 3 位），发放进步奖 1000 元',
        amountYuan: 1000,
      },
    ]);
  });
});

describe('validateConsequenceRules', () => {
  it('accepts the defaults and refuses a negative reward and a fractional day count', () => {
    expect(validateConsequenceRules(DEFAULT_CONSEQUENCE_RULES)).toEqual([]);
    expect(
      validateConsequenceRules({ ...DEFAULT_CONSEQUENCE_RULES, redRewardYuan: -1, dueDays: 1.5 }),
    ).toEqual([
      '红旗奖励金额应为不小于 0 的整数（元）。',
      '完成期限应为 0 到 365 之间的整数（天）。',
    ]);
  });
});

describe('where an action stands', () => {
  it('is done once marked, overdue from the day after its due date, else pending', () => {
    expect(
      actionState({ dueDate: '2026-11-30', doneAt: '2026-12-05T02:00:00Z' }, '2026-12-10'),
    ).toBe('done');
    expect(actionState({ dueDate: '2026-11-30' }, '2026-11-30')).toBe('pending');
    expect(actionState({ dueDate: '2026-11-30' }, '2026-12-01')).toBe('overdue');
  });
});
