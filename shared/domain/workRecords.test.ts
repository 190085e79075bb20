import { describe, expect, it } from 'vitest';
import {
  checkRecord,
  DEFAULT_ELIMINATIONS,
  eliminationTable,
  eliminationTotals,
  recordDate,
  toiletProgress,
  type WorkRecord,
} from './workRecords';

const context = {
  past: { today: '2026-11-28', earliest: '2015-11-28' },
  villageIds: new Set(['v1']),
  eliminations: DEFAULT_ELIMINATIONS,
};

describe('checkRecord', () => {
  it('cleans a good study session, numbers as numbers', () => {
    expect(
      checkRecord(
        'study',
        {
          date: '2026-11-03',
          meetingType: '镇党委会议',
          topic: ' 学习习近平生态文明思想 ',
          attendance: '15',
        },
        context,
      ),
    ).toEqual({
      values: {
        date: '2026-11-03',
        meetingType: '镇党委会议',
        topic: '学习习近平生态文明思想',
        attendance: 15,
      },
      issues: [],
    });
  });

  it('names every problem of a bad record', () => {
    const { issues } = checkRecord(
      'toilet',
      {
        date: '2026-02-30',
        villageId: 'nowhere',
        planned: '3',
        completed: '2.5',
        toiletType: '三格式',
        use: '',
      },
      context,
    );
    expect(issues.map((i) => i.message)).toEqual([
      '登记日期“2026-02-30”不存在：2026年2月只有 28 天。',
      '请选择村。',
      '完成（座）应为不小于 0 的整数。',
      '请填写使用情况。',
    ]);
    expect(
      checkRecord(
        'toilet',
        {
          date: '2026-03-01',
          villageId: 'v1',
          planned: '3',
          completed: '5',
          toiletType: '三格式',
          use: '闲置',
        },
        context,
      ).issues,
    ).toEqual([{ field: 'completed', message: '完成数不能多于计划数。' }]);
  });

  it('keeps km to two decimals, refuses future dates and unknown eliminations', () => {
    expect(
      checkRecord(
        'greening',
        { date: '2026-03-01', road: 'S205', km: '12.345', maintainedBy: '东村' },
        context,
      ).values.km,
    ).toBe(12.35);
    expect(
      checkRecord(
        'elimination',
        { date: '2026-12-01', villageId: 'v1', item: '乱扔烟头', count: '3' },
        context,
      ).issues.map((i) => i.message),
    ).toEqual(['日期“2026-12-01”还没到（今天是 2026-11-28），请核对。', '请选择消除项目。']);
    expect(
      checkRecord(
        'campaign',
        { name: '百日攻坚', from: '2026-05-01', to: '2026-04-01' },
        context,
      ).issues.map((i) => i.message),
    ).toEqual(['结束日期不能早于开始日期。']);
  });

  it('files a record under its date field', () => {
    expect(
      recordDate('compact', { villageId: 'v1', adoptedOn: '2026-03-15', title: '东村村规民约' }),
    ).toBe('2026-03-15');
  });
});

describe('per-village tables', () => {
  const rec = (
    kind: WorkRecord['kind'],
    villageId: string,
    values: WorkRecord['values'],
    deletedAt?: string,
  ): WorkRecord => ({
    id: Math.random().toString(36),
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    kind,
    date: '2026-05-01',
    villageId,
    values,
    deletedAt,
  });
  it('sums the eliminations by village and item', () => {
    const table = eliminationTable(
      [
        rec('elimination', 'v1', { item: '生活垃圾', count: 3 }),
        rec('elimination', 'v1', { item: '生活垃圾', count: 2 }),
        rec('elimination', 'v1', { item: '废弃圈舍', count: 1 }),
        rec('elimination', 'v2', { item: '废弃圈舍', count: 4 }, '2026-05-02'),
      ],
      DEFAULT_ELIMINATIONS,
    );
    expect(table.get('v1')?.byItem.get('生活垃圾')).toBe(5);
    expect(table.get('v1')?.total).toBe(6);
    expect(table.has('v2')).toBe(false);
  });
  it('sums the town’s row over the villages shown', () => {
    const table = eliminationTable(
      [
        rec('elimination', 'v1', { item: '生活垃圾', count: 3 }),
        rec('elimination', 'v2', { item: '生活垃圾', count: 2 }),
        rec('elimination', 'v2', { item: '废弃圈舍', count: 4 }),
        rec('elimination', 'v3', { item: '废弃圈舍', count: 7 }),
      ],
      DEFAULT_ELIMINATIONS,
    );
    // v3 not shown (a village deleted since): 3 + 2 生活垃圾, 4 废弃圈舍, 9 in all.
    const town = eliminationTotals(['v1', 'v2'].map((v) => table.get(v)!));
    expect(Object.fromEntries(town.byItem)).toEqual({ 生活垃圾: 5, 废弃圈舍: 4 });
    expect(town.total).toBe(9);
  });
  it('sums toilets planned and completed by village', () => {
    const table = toiletProgress([
      rec('toilet', 'v1', { planned: 10, completed: 4 }),
      rec('toilet', 'v1', { planned: 5, completed: 5 }),
    ]);
    expect(table.get('v1')).toEqual({ planned: 15, completed: 9 });
  });
});
