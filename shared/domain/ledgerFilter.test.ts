import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEDGER_FILTER,
  matchesFilter,
  parseViews,
  saveView,
  type LedgerFilter,
} from './ledgerFilter';
import type { Problem } from './problem';

const item = (over: Partial<Problem>): Problem =>
  ({
    id: 'p',
    number: '2026-镇督-0007',
    source: 'town',
    category: '人居环境',
    villageId: 'v1',
    place: '二组村口',
    description: '沟渠旁积存建筑垃圾',
    foundOn: '2026-05-10',
    deadline: '2026-05-25',
    responsiblePerson: '张三',
    status: 'inProgress',
    supervised: false,
    ...over,
  }) as Problem;

const f = (over: Partial<LedgerFilter>): LedgerFilter => ({
  ...DEFAULT_LEDGER_FILTER,
  status: '',
  ...over,
});
const today = '2026-05-30';

describe('matchesFilter', () => {
  it('"未结束" keeps 待整改, 整改中 and 申请销号 and drops 已销号 and 无法整改', () => {
    const open = f({ status: 'open' });
    expect(matchesFilter(item({ status: 'closeRequested' }), open, today)).toBe(true);
    expect(matchesFilter(item({ status: 'closed' }), open, today)).toBe(false);
    expect(matchesFilter(item({ status: 'unfixable' }), open, today)).toBe(false);
  });

  it('overdue is computed for today: deadline 05-25 is overdue on 05-30, not on 05-25', () => {
    expect(matchesFilter(item({}), f({ overdueOnly: true }), today)).toBe(true);
    expect(matchesFilter(item({}), f({ overdueOnly: true }), '2026-05-25')).toBe(false);
  });

  it('found-date bounds include both ends: 05-10 is in 05-10…05-10, not in 05-11…', () => {
    expect(
      matchesFilter(item({}), f({ foundFrom: '2026-05-10', foundTo: '2026-05-10' }), today),
    ).toBe(true);
    expect(matchesFilter(item({}), f({ foundFrom: '2026-05-11' }), today)).toBe(false);
    // An unfinished date in the box does not hide everything.
    expect(matchesFilter(item({}), f({ foundFrom: '2026-05' }), today)).toBe(true);
  });

  it('finds every word in the number, description, place or person', () => {
    expect(matchesFilter(item({}), f({ text: '建筑垃圾 二组' }), today)).toBe(true);
    expect(matchesFilter(item({}), f({ text: '0007' }), today)).toBe(true);
    expect(matchesFilter(item({}), f({ text: '建筑垃圾 三组' }), today)).toBe(false);
  });

  it('matches source, village, category and supervision', () => {
    expect(matchesFilter(item({}), f({ source: 'public' }), today)).toBe(false);
    expect(matchesFilter(item({}), f({ villageId: 'v2' }), today)).toBe(false);
    expect(matchesFilter(item({}), f({ category: '河湖四乱' }), today)).toBe(false);
    expect(matchesFilter(item({}), f({ supervisedOnly: true }), today)).toBe(false);
    expect(matchesFilter(item({ supervised: true }), f({ supervisedOnly: true }), today)).toBe(
      true,
    );
  });
});

describe('saved views', () => {
  it('replaces a view of the same name and keeps them in pinyin order', () => {
    const a = saveView([], '县级反馈', f({ source: 'upper' }));
    expect(Array.isArray(a)).toBe(true);
    const b = saveView(a as never, '逾期督办', f({ overdueOnly: true }));
    const c = saveView(b as never, ' 县级反馈 ', f({ source: 'upper', overdueOnly: true }));
    expect((c as { name: string }[]).map((v) => v.name)).toEqual(['县级反馈', '逾期督办']);
    expect((c as { filter: LedgerFilter }[])[0]!.filter.overdueOnly).toBe(true);
  });

  it('refuses an empty or too long name', () => {
    expect(saveView([], '  ', DEFAULT_LEDGER_FILTER)).toBe('请给视图起个名字。');
    expect(saveView([], '一'.repeat(21), DEFAULT_LEDGER_FILTER)).toBe('视图名称最多 20 个字。');
  });

  it('reads back only well-formed stored views, filling missing filter fields', () => {
    expect(parseViews('x')).toEqual([]);
    expect(parseViews([{ name: 1 }, null, { name: '甲', filter: { source: 'town' } }])).toEqual([
      { name: '甲', filter: { ...DEFAULT_LEDGER_FILTER, source: 'town' } },
    ]);
  });
});
