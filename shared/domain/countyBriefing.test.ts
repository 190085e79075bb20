import { describe, expect, it } from 'vitest';
import type { TownMonth } from './county';
import { comparisonSheetRows, comparisonText, countySummary } from './countyBriefing';

const row = (over: Partial<TownMonth>): TownMonth => ({
  townId: 't',
  town: '青山镇',
  average: 90,
  red: 1,
  yellow: 0,
  open: 10,
  overdue: 2,
  closureRate: 0.8185,
  medianDaysToClose: 12.5,
  upperOpen: 1,
  patrols: 20,
  patrolCompliance: 0.5,
  workRecords: 3,
  lastPackageAt: '2026-11-30T04:00:00.000Z',
  waitedDays: 2,
  ...over,
});

describe('the comparison', () => {
  it('reads as the overview shows it, and the sheet keeps numbers as numbers', () => {
    const r = row({ average: null });
    expect(comparisonText(r, 'average')).toBe('未发布');
    expect(comparisonText(r, 'closureRate')).toBe('81.9%');
    expect(comparisonText(row({ closureRate: null }), 'closureRate')).toBe('—');
    expect(comparisonText(r, 'lastPackage')).toBe(
      new Date('2026-11-30T04:00:00.000Z').toLocaleDateString('sv-SE'),
    );
    expect(comparisonSheetRows([r])[0]).toEqual([
      '青山镇',
      '未发布',
      1,
      0,
      10,
      2,
      81.9,
      12.5,
      1,
      50,
      3,
      new Date('2026-11-30T04:00:00.000Z').toLocaleDateString('sv-SE'),
      2,
    ]);
  });
});

describe('the county briefing’s summary', () => {
  const rows = [
    row({
      town: '青山镇',
      average: 91.5,
      open: 10,
      overdue: 2,
      upperOpen: 1,
      patrols: 20,
      workRecords: 3,
    }),
    row({
      town: '绿水镇',
      average: 86.25,
      open: 5,
      overdue: 4,
      upperOpen: 0,
      patrols: 8,
      workRecords: 1,
    }),
    row({
      town: '白石镇',
      average: null,
      open: 3,
      overdue: 0,
      upperOpen: 2,
      patrols: 0,
      workRecords: 0,
      waitedDays: 45,
    }),
  ];

  it('counts the county and names the best, the lowest, the most overdue and the late', () => {
    // Open 10 + 5 + 3 = 18, overdue 2 + 4 + 0 = 6, upper 1 + 0 + 2 = 3, patrols 28, records 4.
    expect(
      countySummary({ county: '江北县', month: '2026-11', today: '2026-12-02', rows }),
    ).toEqual([
      '2026年11月，江北县登记乡镇 3 个，其中 3 个报送了数据。以下情况均取自各乡镇最近一次报送的数据包。',
      '截至月底，全县未销号问题 18 个，其中逾期 6 个；上级督查反馈问题尚未销号 3 个。本月巡河巡林 28 次，工作记录 4 条。',
      '村庄考核平均分最高的是青山镇（91.50 分），最低的是绿水镇（86.25 分）；1 个乡镇本月红黄榜未发布或未报送。',
      '逾期问题较多的乡镇：绿水镇（4 个）、青山镇（2 个），请抓紧整改。',
      '超过 30 天未报送数据的乡镇：白石镇（已等 45 天）。',
    ]);
  });

  it('says 截至今天 for the month not over, and little when nothing came', () => {
    const now = countySummary({ county: '江北县', month: '2026-12', today: '2026-12-02', rows });
    expect(now[1]).toMatch(/^截至今天，/);
    expect(
      countySummary({ county: '江北县', month: '2026-12', today: '2026-12-02', rows: [] }),
    ).toEqual([
      '2026年12月，江北县登记乡镇 0 个，其中 0 个报送了数据。以下情况均取自各乡镇最近一次报送的数据包。',
    ]);
  });
});
