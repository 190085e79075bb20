import { describe, expect, it } from 'vitest';
import { fieldLabel, formatValue, tableLabel } from './recordText';
import { BUILT_IN_AT } from '@shared/domain/audit';
import { formatTimestamp, monthTick, scoreAxis } from './format';

const names = new Map([
  ['v1', '张家村'],
  ['p1', '王建国'],
]);

describe('a record as people read it', () => {
  it('names fields and tables in Chinese, never by their identifiers', () => {
    expect(fieldLabel('villages', 'name')).toBe('名称');
    expect(fieldLabel('problems', 'countyNumber')).toBe('上级问题编号');
    expect(fieldLabel('problems', 'somethingNew')).toBe('其他内容');
    expect(tableLabel('problems')).toBe('整改问题');
    expect(tableLabel('ledgerTally')).toBe('其他数据');
  });

  it('shows values in words: texts, lists, codes, names, yes/no, photos, masked complainants', () => {
    expect(formatValue('villages', 'name', '张家湾村', names)).toBe('张家湾村');
    expect(formatValue('villages', 'groups', ['一组', '二组'], names)).toBe('一组、二组');
    expect(formatValue('villages', 'leaderId', 'p1', names)).toBe('王建国');
    expect(formatValue('problems', 'status', 'inProgress', names)).toBe('整改中');
    expect(formatValue('problems', 'source', 'public', names)).toBe('群众申诉反映');
    expect(formatValue('problems', 'supervised', true, names)).toBe('是');
    expect(formatValue('problems', 'deadline', '', names)).toBe('（空）');
    expect(
      formatValue(
        'problems',
        'progress',
        [
          { at: '2026-11-01T00:00:00Z', by: '张', text: '已通知' },
          { at: '2026-11-02T00:00:00Z', by: '李', text: '已清运' },
        ],
        names,
      ),
    ).toBe('已通知；已清运');
    expect(
      formatValue(
        'problems',
        'afterPhotos',
        [{ attachmentId: 'a', thumbnailId: 'a', name: 'x.jpg', size: 1 }],
        names,
      ),
    ).toBe('1 张照片');
    expect(formatValue('problems', 'complainant', '王大妈 13900001111', names)).toBe(
      '王＊＊＊＊＊＊（保密）',
    );
    expect(
      formatValue(
        'problems',
        'verification',
        { verifier: '赵', date: '2026-11-20', opinion: '到位' },
        names,
      ),
    ).toBe('验收人 赵，2026-11-20，到位');
  });

  it('says a month is 已关闭 (an item is 已销号), a due action by its kind, and a moment in local time', () => {
    expect(formatValue('periods', 'status', 'closed', names)).toBe('已关闭');
    expect(formatValue('problems', 'status', 'closed', names)).toBe('已销号');
    expect(formatValue('dueActions', 'kind', 'interview', names)).toBe('镇纪委约谈');
    expect(tableLabel('dueActions')).toBe('后续事项');
    expect(fieldLabel('dueActions', 'dueDate')).toBe('完成期限');
    const at = formatValue('periods', 'closedAt', '2026-11-30T02:05:00.000Z', names);
    expect(at).not.toContain('T');
    expect(at).toMatch(/^2026-11-30 \d\d:05:00$/);
  });

  it('never shows an id or a code inside a list or a link: names, 红旗, the cell an item came from', () => {
    const rows = [
      { villageId: 'v1', name: '张家村', score: 99, flag: 'red', flagReason: '得分 99 分' },
      { villageId: 'v2', name: '王家村', score: 80, flag: null, flagReason: '' },
    ];
    expect(formatValue('results', 'rows', rows, names)).toBe('张家村，红旗，得分 99 分；王家村');
    expect(
      formatValue(
        'rivers',
        'segments',
        [{ id: 's1', name: '张家村段', level: 'village', chiefId: 'p1', villageId: 'v1' }],
        names,
      ),
    ).toBe('张家村段，村级，王建国，张家村');
    expect(formatValue('problems', 'deductionId', '2026-07:v1:A01', names)).toBe(
      '2026-07 张家村 A01',
    );
    expect(formatValue('problems', 'patrol', { table: 'riverPatrols', id: 'x' }, names)).toBe(
      '巡河记录',
    );
    expect(formatValue('periods', 'standardId', 'gone', names)).toBe('（已不存在）');
    expect(formatValue('periods', 'cadence', 'month', names)).toBe('按月');
  });
});

describe('a moment as the office reads it', () => {
  it('reads like the dates on screen, in local time, and the built-in standard says 软件内置', () => {
    const at = new Date(2026, 4, 8, 14, 3, 21).toISOString();
    expect(formatTimestamp(at)).toBe('2026-05-08 14:03:21');
    expect(formatTimestamp(new Date(2026, 11, 2, 9, 0, 5).toISOString())).toBe(
      '2026-12-02 09:00:05',
    );
    expect(formatTimestamp(BUILT_IN_AT)).toBe('软件内置');
    expect(formatTimestamp(undefined)).toBe('');
  });
});

describe('a chart’s axes', () => {
  it('names a month short, but the first with its year', () => {
    const labels = ['2025年12月', '2026年1月', '2026年2月', '2026年10月'];
    expect(labels.map(monthTick)).toEqual(['2025年12月', '1月', '2月', '10月']);
    expect(monthTick('2026年第4季度', 3)).toBe('2026年第4季度');
  });

  it('starts the score axis at a round 5 below the lowest score, a tick every 5 or 10', () => {
    expect(scoreAxis([93, 87, null, 100])).toEqual({
      domain: [80, 100],
      ticks: [80, 85, 90, 95, 100],
    });
    expect(scoreAxis([83]).ticks).toEqual([80, 85, 90, 95, 100]);
    expect(scoreAxis([80]).ticks).toEqual([75, 80, 85, 90, 95, 100]);
    expect(scoreAxis([49]).ticks).toEqual([40, 50, 60, 70, 80, 90, 100]);
    expect(scoreAxis([52, 99])).toEqual({
      domain: [40, 100],
      ticks: [40, 50, 60, 70, 80, 90, 100],
    });
    expect(scoreAxis([]).domain).toEqual([95, 100]);
  });
});
