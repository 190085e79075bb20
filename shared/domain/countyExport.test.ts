import { describe, expect, it } from 'vitest';
import type { PeriodResult, ResultRow } from './assessment';
import {
  defaultLayout,
  layoutFromTemplate,
  layoutRows,
  ledgerValues,
  parseLayout,
  resultValues,
  validateLayout,
} from './countyExport';
import type { Problem } from './problem';
import { problemFixture } from './testFixtures';

const row = (over: Partial<ResultRow>): ResultRow => ({
  villageId: 'v1',
  name: '东村',
  score: 90,
  rank: 1,
  rankFromBottom: 2,
  tied: false,
  seriousCount: 0,
  flag: null,
  flagReason: '',
  ...over,
});
const result = (id: string, rows: ResultRow[]): PeriodResult => ({
  id,
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  cadence: 'month',
  rows,
  unscored: [],
  average: 0,
  publishedAt: `${id}-28T09:00:00.000Z`,
  flagsAwarded: true,
});

describe('layoutFromTemplate', () => {
  it('keeps the county’s title rows and header texts, matching headers to fields', () => {
    const layout = layoutFromTemplate('results', [
      ['绿水县农村人居环境考评结果汇总表'],
      ['填报单位：', null, null, '填报日期：'],
      ['序号', '村（社区）', '考核得分', '名次', '红黄旗', '县级备注'],
      [1, '东村', 95, 1, '红旗', ''],
    ]);
    expect(layout).toEqual({
      titleRows: [['绿水县农村人居环境考评结果汇总表'], ['填报单位：', '', '', '填报日期：']],
      columns: [
        { field: '', header: '序号' },
        { field: 'village', header: '村（社区）' },
        { field: 'score', header: '考核得分' },
        { field: 'rank', header: '名次' },
        { field: 'flag', header: '红黄旗' },
        { field: 'flagReason', header: '县级备注' },
      ],
    });
  });

  it('says what it expected when no header row is found', () => {
    expect(layoutFromTemplate('ledger', [['一些'], ['无关', '内容']])).toContain(
      '没有在前 10 行找到表头',
    );
  });
});

describe('validateLayout and parseLayout', () => {
  it('accepts the default layouts', () => {
    expect(validateLayout('results', defaultLayout('results'))).toEqual([]);
    expect(validateLayout('ledger', defaultLayout('ledger'))).toEqual([]);
  });

  it('names the column of each problem', () => {
    expect(
      validateLayout('results', {
        titleRows: [],
        columns: [
          { field: 'score', header: '得分' },
          { field: 'rank', header: ' ' },
          { field: 'village', header: '得分' },
          { field: 'salary', header: '工资' },
        ],
      }),
    ).toEqual([
      '第 2 列没有表头。',
      '第 3 列的表头“得分”与前面的列重复。',
      '第 4 列的内容不认识。',
    ]);
    expect(validateLayout('results', { titleRows: [], columns: [] })).toEqual(['至少要有一列。']);
  });

  it('reads a stored layout back, or the default when it is malformed', () => {
    const good = { titleRows: [['标题']], columns: [{ field: 'score', header: '分' }] };
    expect(parseLayout('results', good)).toEqual(good);
    expect(parseLayout('results', { columns: 'x' })).toEqual(defaultLayout('results'));
    expect(parseLayout('results', null)).toEqual(defaultLayout('results'));
  });
});

describe('resultValues', () => {
  it('gives each village its figures as numbers and the publishing day as a date', () => {
    const values = resultValues(
      result('2026-10', [
        row({
          villageId: 'v1',
          name: '东村',
          score: 95.5,
          rank: 1,
          flag: 'red',
          flagReason: '第一',
        }),
        row({
          villageId: 'v2',
          name: '西村',
          score: 80,
          rank: 2,
          flag: 'red',
          flagReason: '第二',
          withdrawn: { reason: '复查不合格', at: '', by: '' },
        }),
      ]),
      result('2026-09', [row({ villageId: 'v1', score: 90 })]),
      new Map([['v1', '刘书记']]),
    );
    expect(values[0]).toEqual({
      month: '2026年10月',
      rank: 1,
      village: '东村',
      score: 95.5,
      scoreChange: 5.5,
      flag: '红旗',
      flagReason: '第一',
      secretary: '刘书记',
      publishedOn: { date: '2026-10-28' },
    });
    expect(values[1]).toMatchObject({
      scoreChange: null,
      flag: '',
      flagReason: '已摘旗：复查不合格',
    });
  });
});

describe('ledgerValues and layoutRows', () => {
  const p = (over: Partial<Problem>): Problem =>
    problemFixture({
      number: '2026-上级-0001',
      source: 'upper',
      upperLevel: 'county',
      batch: '绿环督〔2026〕3号',
      category: '河湖四乱',
      place: '东河桥下',
      description: '河道垃圾',
      foundOn: '2026-10-01',
      deadline: '2026-10-31',
      originalDeadline: '2026-10-31',
      responsibleLeader: '李镇长',
      measures: [
        { id: 'm1', text: '清理垃圾', done: true },
        { id: 'm2', text: '设置警示牌', done: false },
      ],
      supervised: true,
      ...over,
    });

  it('puts the fields in the layout’s order, dates as dates, overdue days as a number', () => {
    const values = ledgerValues(
      [
        p({}),
        p({
          number: '2026-上级-0002',
          status: 'closed',
          verification: { verifier: '王', date: '2026-10-20', opinion: '' },
        }),
        p({ number: '2026-上级-0003', deletedAt: '2026-10-02T00:00:00Z' }),
      ],
      new Map([['v1', '东村']]),
      '2026-11-05',
    );
    const rows = layoutRows(
      {
        titleRows: [],
        columns: [
          { field: 'number', header: '编号' },
          { field: 'village', header: '村' },
          { field: 'deadline', header: '时限' },
          { field: 'daysOverdue', header: '逾期' },
          { field: '', header: '县级意见' },
          { field: 'closedOn', header: '销号' },
          { field: 'measures', header: '措施' },
          { field: 'upperLevel', header: '层级' },
        ],
      },
      values,
    );
    expect(rows).toEqual([
      // 10-31 → 11-05: 5 days overdue.
      [
        '2026-上级-0001',
        '东村',
        { date: '2026-10-31' },
        5,
        null,
        null,
        '1. 清理垃圾\n2. 设置警示牌',
        '县级',
      ],
      [
        '2026-上级-0002',
        '东村',
        { date: '2026-10-31' },
        0,
        null,
        { date: '2026-10-20' },
        '1. 清理垃圾\n2. 设置警示牌',
        '县级',
      ],
    ]);
  });
});
