import { describe, expect, it } from 'vitest';
import type { ResultRow } from './assessment';
import type { WorkRecord } from './workRecords';
import {
  fillParagraph,
  segmentsText,
  SUMMARY_TEMPLATE,
  summaryFigures,
  type SummaryInput,
} from './yearSummary';

let n = 0;
const rec = (
  kind: WorkRecord['kind'],
  date: string,
  values: WorkRecord['values'],
  deletedAt?: string,
): WorkRecord => ({
  id: `r${(n += 1)}`,
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  kind,
  date,
  values,
  deletedAt,
});
const row = (flag: ResultRow['flag'], withdrawn = false): ResultRow => ({
  villageId: 'v',
  name: 'v',
  score: 90,
  rank: 1,
  rankFromBottom: 1,
  tied: false,
  seriousCount: 0,
  flag,
  flagReason: '',
  withdrawn: withdrawn ? { reason: 'x', at: '', by: '' } : undefined,
});

const input: SummaryInput = {
  year: 2026,
  townName: '青山镇',
  villages: [{ id: 'v1' }, { id: 'v2' }, { id: 'v3', deletedAt: '2026-01-01' }],
  people: [
    {
      id: 'p1',
      name: '甲',
      roles: ['publicWelfareRanger'],
      deletedAt: undefined,
      groupPosition: 'member',
    },
    { id: 'p2', name: '乙', roles: ['publicWelfareRanger', 'gridMember'], deletedAt: undefined },
    { id: 'p3', name: '丙', roles: ['ecologicalRanger'], deletedAt: undefined },
    { id: 'p4', name: '丁', roles: ['ecologicalRanger'], deletedAt: '2026-03-01' },
  ],
  ruleDocuments: [
    { id: 'd1', title: '青山镇人居环境整治实施方案' },
    { id: 'd2', title: '青山镇环境整治五十条标准' },
  ],
  records: [
    rec('study', '2026-02-01', { meetingType: '镇党委会议' }),
    rec('study', '2026-05-01', { meetingType: '镇党委会议' }),
    rec('study', '2025-12-30', { meetingType: '镇党委会议' }), // last year
    rec('study', '2026-03-01', { meetingType: '党委理论学习中心组' }),
    rec('study', '2026-03-02', { meetingType: '镇村干部职工例会' }, '2026-03-03'), // deleted
    rec('greening', '2026-04-01', { road: 'S205', km: 12.5 }),
    rec('greening', '2026-04-02', { road: '青山大道', km: 3.25 }),
    rec('greening', '2026-04-03', { road: 'S205', km: 1 }),
    rec('toilet', '2026-06-01', { completed: 30, planned: 40 }),
    rec('toilet', '2026-07-01', { completed: 12, planned: 12 }),
    rec('elimination', '2026-08-01', { count: 7 }),
    rec('publicity', '2026-09-01', { reach: 1200 }),
    rec('publicity', '2026-09-02', { channel: '抖音' }),
  ],
  problems: [
    {
      id: 'a',
      source: 'upper',
      foundOn: '2026-01-05',
      status: 'closed',
      verification: { verifier: '', date: '2026-02-01', opinion: '' },
    },
    {
      id: 'b',
      source: 'town',
      foundOn: '2025-12-20',
      status: 'closed',
      verification: { verifier: '', date: '2026-01-10', opinion: '' },
    },
    {
      id: 'c',
      source: 'public',
      foundOn: '2026-11-01',
      status: 'inProgress',
      verification: undefined,
    },
  ],
  results: [
    {
      id: '2026-01',
      cadence: 'month',
      flagsAwarded: true,
      rows: [row('red'), row('red', true), row('yellow')],
    },
    {
      id: '2026-02',
      cadence: 'month',
      flagsAwarded: true,
      rows: [row('red'), row('yellow'), row('yellow')],
    },
    { id: '2025-12', cadence: 'month', flagsAwarded: true, rows: [row('red')] },
  ],
  riverPatrols: [
    { id: 'rp1', date: '2026-03-01', findings: [{}, {}] },
    { id: 'rp2', date: '2026-03-08', findings: [] },
    { id: 'rp3', date: '2025-03-08', findings: [{}] },
  ],
  forestPatrols: [{ id: 'fp1', date: '2026-11-20' }],
};

describe('summaryFigures', () => {
  const f = summaryFigures(input);
  const value = (key: string) => f.get(key)?.value;
  it('counts the year’s study sessions by meeting type, leaving out other years and deleted ones', () => {
    expect([value('study.party'), value('study.central'), value('study.staff')]).toEqual([2, 1, 0]);
    expect(f.get('study.party')?.ids).toHaveLength(2);
  });
  it('sums greening, toilets, eliminations and publicity', () => {
    expect(value('greening.roads')).toBe('S205、青山大道');
    expect(value('greening.km')).toBe(16.75); // 12.5 + 3.25 + 1
    expect(value('toilets.completed')).toBe(42);
    expect(value('eliminations.count')).toBe(7);
    expect([value('publicity.count'), value('publicity.reach')]).toEqual([2, 1200]);
  });
  it('counts rangers by type, villages and documents', () => {
    expect([value('rangers.public'), value('rangers.eco')]).toEqual([2, 1]);
    expect(value('villages.count')).toBe(2);
    expect(value('documents.titles')).toBe(
      '《青山镇人居环境整治实施方案》《青山镇环境整治五十条标准》',
    );
    expect(value('documents.phrase')).toBe(
      '制定印发《青山镇人居环境整治实施方案》《青山镇环境整治五十条标准》等2项工作制度',
    );
    // No document registered: nothing to say (the clause is left out of the draft).
    expect(summaryFigures({ ...input, ruleDocuments: [] }).get('documents.phrase')?.value).toBe('');
  });
  it('counts the closed items re-checked in the year and those found back (反弹) in it', () => {
    const visit = (date: string) => ({
      id: date,
      date,
      checker: '',
      result: 'holds' as const,
      note: '',
      photos: [],
      at: '',
      by: '',
    });
    const closed = { status: 'closed' as const, source: 'town' as const, foundOn: '2025-10-01' };
    const problems = [
      // a: closed 2026-02-01, looked at 03-03, came back 05-01 → re-checked and rebounded.
      {
        ...closed,
        id: 'a',
        verification: { verifier: '', date: '2026-02-01', opinion: '' },
        rechecks: [visit('2026-03-03')],
        reboundTo: { problemId: 'n', date: '2026-05-01' },
      },
      // d: closed in 2025, looked at 2026-01-02 → re-checked in 2026.
      {
        ...closed,
        id: 'd',
        verification: { verifier: '', date: '2025-11-01', opinion: '' },
        rechecks: [visit('2026-01-02')],
      },
      // e: closed 2026-12-20, first looked at in 2027 → not this year's.
      {
        ...closed,
        id: 'e',
        verification: { verifier: '', date: '2026-12-20', opinion: '' },
        rechecks: [visit('2027-01-19')],
      },
    ];
    const figures = summaryFigures({ ...input, problems });
    expect(figures.get('problems.rechecked')?.ids).toEqual(['a', 'd']);
    expect(figures.get('problems.rebounded')?.ids).toEqual(['a']);
    const said = segmentsText(fillParagraph(SUMMARY_TEMPLATE[10]!.text, figures, '青山镇', 2026));
    expect(said).toContain('；对已销号问题开展回头看2个，发现反弹1个，均已另开问题整改。由镇纪委');
    // Looked at again, none back: the rebound clause is left out.
    const held = summaryFigures({ ...input, problems: problems.slice(1) });
    expect(segmentsText(fillParagraph(SUMMARY_TEMPLATE[10]!.text, held, '青山镇', 2026))).toContain(
      '；对已销号问题开展回头看1个。由镇纪委',
    );
  });
  it('counts problems found and closed in the year by source, flags and patrols', () => {
    expect([value('problems.found'), value('problems.closed')]).toEqual([2, 2]);
    expect([
      value('problems.found.upper'),
      value('problems.found.public'),
      value('problems.found.town'),
    ]).toEqual([1, 1, 0]);
    expect([value('flags.red'), value('flags.yellow')]).toEqual([2, 3]);
    // Each flag opens as the month and the village, not the month's list four times.
    expect(f.get('flags.yellow')?.lines).toEqual(['2026年1月 v', '2026年2月 v', '2026年2月 v']);
    expect([
      value('patrols.river'),
      value('patrols.riverFindings'),
      value('patrols.forest'),
    ]).toEqual([2, 2, 1]);
  });
});

describe('the draft', () => {
  it('fills every blank of the template', () => {
    const figures = summaryFigures(input);
    const text = SUMMARY_TEMPLATE.map((p) =>
      segmentsText(fillParagraph(p.text, figures, '青山镇', 2026)),
    ).join('\n');
    expect(text).not.toMatch(/[{}*]/);
    expect(text).toContain(
      '年内，镇党委会议学习生态环境保护内容2次，镇党委理论学习中心组会议学习共1次，镇村干部职工例会学习共0次。',
    );
    expect(text).toContain(
      '对境内S205、青山大道沿线16.75公里栽植的绿植进行长效管护，完成42座农村改厕任务',
    );
    expect(text).toContain('2名公益护林员、1名生态护林员');
    expect(text).toContain(
      '各科级领导、2村党支部书记为成员的青山镇生态环境保护工作领导小组（1人），全面构建',
    );
    expect(text).toContain('但我们也清醒地认识到');
    expect(text.startsWith('2026年以来，青山镇认真贯彻')).toBe(true);
  });
});

describe('a clause with nothing to show', () => {
  const empty: SummaryInput = {
    year: 2026,
    townName: '青山镇',
    villages: [{ id: 'v1' }],
    people: [],
    ruleDocuments: [],
    records: [rec('elimination', '2026-03-01', { villageId: 'v1', item: '生活垃圾', count: 4 })],
    problems: [],
    results: [],
    riverPatrols: [],
    forestPatrols: [],
  };
  const paragraph = (i: number, of: SummaryInput) =>
    segmentsText(fillParagraph(SUMMARY_TEMPLATE[i]!.text, summaryFigures(of), '青山镇', 2026));

  it('is left out: no greening, toilets, compacts or campaigns entered', () => {
    expect(paragraph(6, empty)).toBe(
      '一是聚力抓好人居环境整治工作。扎实开展以“十项消除”为主要内容的整治，全年消除各类问题4处。',
    );
    expect(paragraph(4, empty)).toBe(
      '三是建立工作机制。细化工作举措，量化评比机制，全年评出红旗0面次、黄旗0面次，压实工作责任。',
    );
    // Nothing looked at again, nothing came back: not “发现反弹0个，均已另开问题整改”.
    expect(paragraph(10, empty)).toContain('整改销号0个。由镇纪委负责');
    // No leading group entered: the draft does not say one was set up.
    expect(paragraph(3, empty)).toBe(
      '二是靠实工作责任。认真履行生态环保“党政同责，一岗双责”工作责任，全面构建无遗漏、无死角的生态环境保护责任体系。',
    );
  });

  it('names the campaigns of the settings and those entered, by name', () => {
    const named: SummaryInput = {
      ...empty,
      campaigns: ['勇做减法助推人居环境大提升', ' '],
      records: [
        ...empty.records,
        rec('campaign', '2026-04-01', {
          name: '百日集中攻坚',
          from: '2026-04-01',
          to: '2026-07-09',
        }),
        rec('campaign', '2026-08-01', {
          name: '百日集中攻坚',
          from: '2026-08-01',
          to: '2026-11-08',
        }),
        rec('campaign', '2026-05-01', {
          name: '秸秆禁烧专项行动',
          from: '2026-05-01',
          to: '2026-05-31',
        }),
        rec('toilet', '2026-06-01', { villageId: 'v1', planned: 10, completed: 6 }),
      ],
    };
    expect(paragraph(6, named)).toBe(
      '一是聚力抓好人居环境整治工作。以开展“勇做减法助推人居环境大提升”活动为抓手，扎实开展以“十项消除”为主要内容的整治，全年消除各类问题4处，完成6座农村改厕任务。',
    );
    expect(paragraph(4, named)).toContain(
      '开展“勇做减法助推人居环境大提升”、“百日集中攻坚”（2次）、“秸秆禁烧专项行动”等环境整治活动，细化工作举措',
    );
    // A campaign entered under the name given in the settings is said once, with its count.
    const same = summaryFigures({
      ...named,
      campaigns: ['百日集中攻坚'],
    }).get('campaigns.names')?.value;
    expect(same).toBe('“百日集中攻坚”（2次）、“秸秆禁烧专项行动”');
    // Each opens as what it is: the setting, and each campaign with its dates.
    expect(summaryFigures(named).get('campaigns.names')?.lines).toEqual([
      '勇做减法助推人居环境大提升（设置 → 乡镇信息）',
      '2026-04-01 至 2026-07-09 · 百日集中攻坚',
      '2026-08-01 至 2026-11-08 · 百日集中攻坚',
      '2026-05-01 至 2026-05-31 · 秸秆禁烧专项行动',
    ]);
  });
});
