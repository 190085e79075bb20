import type { PeriodResult } from './assessment';
import { PROBLEM_SOURCES, SOURCE_LABELS } from './ledger';
import { periodLabel } from './period';
import type { Person } from './person';
import type { Problem } from './problem';
import type { BaseRecord } from './record';
import type { WorkRecord } from './workRecords';

/**
 * The year-end work summary (年度工作总结): a draft in the structure of the town's own summary
 * (shared/reference/2023-town-eco-work-summary.zh.txt) with every blank filled from the year's
 * records. Each figure keeps the ids of the records it counts, so the screen can show them.
 */

export interface Figure {
  key: string;
  label: string;
  value: number | string;
  /** The table the counted records are in, and their ids (for click-through). */
  table: string;
  ids: string[];
  /** What each counted item is, in words, when a record alone does not say it (a flag's village). */
  lines?: string[] | undefined;
}

export interface SummaryInput {
  year: number;
  townName: string;
  /** The year's campaigns as named in 设置 → 乡镇信息 (本年度专项活动). */
  campaigns?: readonly string[];
  villages: readonly { id: string; deletedAt?: string | undefined }[];
  people: readonly Pick<Person, 'id' | 'name' | 'roles' | 'deletedAt' | 'groupPosition'>[];
  ruleDocuments: readonly { id: string; title: string; deletedAt?: string | undefined }[];
  records: readonly WorkRecord[];
  problems: readonly Pick<
    Problem,
    'id' | 'source' | 'foundOn' | 'status' | 'verification' | 'deletedAt' | 'rechecks' | 'reboundTo'
  >[];
  results: readonly Pick<PeriodResult, 'id' | 'rows' | 'flagsAwarded' | 'cadence'>[];
  riverPatrols: readonly {
    id: string;
    date: string;
    findings: unknown[];
    deletedAt?: string | undefined;
  }[];
  forestPatrols: readonly { id: string; date: string; deletedAt?: string | undefined }[];
}

const live = <T extends { deletedAt?: string | undefined }>(rows: readonly T[]) =>
  rows.filter((r) => r.deletedAt === undefined);

/** Every figure the summary uses, counted from the year's records. */
export function summaryFigures(input: SummaryInput): Map<string, Figure> {
  const year = String(input.year);
  const inYear = (date: string) => date.slice(0, 4) === year;
  const figures = new Map<string, Figure>();
  const add = (
    key: string,
    label: string,
    table: string,
    rows: readonly { id: string }[],
    value?: number | string,
  ) =>
    figures.set(key, {
      key,
      label,
      table,
      ids: rows.map((r) => r.id),
      value: value ?? rows.length,
    });

  const records = live(input.records).filter((r) => inYear(r.date));
  const of = (kind: WorkRecord['kind']) => records.filter((r) => r.kind === kind);
  const study = of('study');
  add(
    'study.party',
    '镇党委会议学习次数',
    'workRecords',
    study.filter((r) => r.values.meetingType === '镇党委会议'),
  );
  add(
    'study.central',
    '党委理论学习中心组学习次数',
    'workRecords',
    study.filter((r) => r.values.meetingType === '党委理论学习中心组'),
  );
  add(
    'study.staff',
    '镇村干部职工例会学习次数',
    'workRecords',
    study.filter((r) => r.values.meetingType === '镇村干部职工例会'),
  );

  const greening = of('greening');
  const roads = [...new Set(greening.map((r) => String(r.values.road)))];
  add('greening.roads', '管护道路', 'workRecords', greening, roads.join('、') || '—');
  add('greening.km', '绿化管护里程（公里）', 'workRecords', greening, round2(sum(greening, 'km')));
  const toilets = of('toilet');
  add('toilets.completed', '完成农村改厕（座）', 'workRecords', toilets, sum(toilets, 'completed'));
  const eliminations = of('elimination');
  add(
    'eliminations.count',
    '十项消除（处）',
    'workRecords',
    eliminations,
    sum(eliminations, 'count'),
  );
  const campaigns = of('campaign');
  add('campaigns.count', '百日集中攻坚（次）', 'workRecords', campaigns);
  // The year's campaigns: those named in the settings, then those entered under other names,
  // each once (with its count when entered more than once).
  const named = [...new Set((input.campaigns ?? []).map((c) => c.trim()).filter(Boolean))];
  const entered = new Map<string, number>();
  for (const c of campaigns) {
    const name = String(c.values.name ?? '').trim() || '百日集中攻坚';
    entered.set(name, (entered.get(name) ?? 0) + 1);
  }
  const inSettings = named.map((c) => `${c}（设置 → 乡镇信息）`);
  add('campaigns.theme', '本年度专项活动', 'town', [], named.map((c) => `“${c}”`).join('、'));
  figures.get('campaigns.theme')!.lines = inSettings;
  const times = (name: string) =>
    (entered.get(name) ?? 0) > 1 ? `（${entered.get(name)}次）` : '';
  add(
    'campaigns.names',
    '环境整治活动',
    'workRecords',
    campaigns,
    [...new Set([...named, ...entered.keys()])].map((c) => `“${c}”${times(c)}`).join('、'),
  );
  figures.get('campaigns.names')!.lines = [
    ...inSettings,
    ...campaigns.map(
      (c) =>
        `${String(c.values.from ?? '')} 至 ${String(c.values.to ?? '')} · ${String(c.values.name ?? '')}`,
    ),
  ];
  const publicity = of('publicity');
  add('publicity.count', '宣传活动（次）', 'workRecords', publicity);
  add('publicity.reach', '宣传覆盖（人次）', 'workRecords', publicity, sum(publicity, 'reach'));
  const compacts = of('compact');
  add('compacts.count', '修订村规民约（个）', 'workRecords', compacts);

  const people = live(input.people);
  add(
    'rangers.public',
    '公益护林员（名）',
    'people',
    people.filter((p) => p.roles.includes('publicWelfareRanger')),
  );
  add(
    'rangers.eco',
    '生态护林员（名）',
    'people',
    people.filter((p) => p.roles.includes('ecologicalRanger')),
  );
  add('villages.count', '村（个）', 'villages', live(input.villages));
  add(
    'group.count',
    '生态环境保护工作领导小组（人）',
    'people',
    people.filter((p) => p.groupPosition !== undefined),
  );
  const documents = live(input.ruleDocuments);
  add('documents.count', '工作制度（项）', 'ruleDocuments', documents);
  add(
    'documents.titles',
    '工作制度名称',
    'ruleDocuments',
    documents,
    documents.map((d) => `《${d.title}》`).join('') || '—',
  );
  // With no document registered the draft's clause is left out (SUMMARY_TEMPLATE).
  add(
    'documents.phrase',
    '工作制度',
    'ruleDocuments',
    documents,
    documents.length > 0
      ? `制定印发${documents.map((d) => `《${d.title}》`).join('')}等${documents.length}项工作制度`
      : '',
  );

  const problems = live(input.problems);
  const found = problems.filter((p) => inYear(p.foundOn));
  const closed = problems.filter(
    (p) => p.status === 'closed' && p.verification && inYear(p.verification.date),
  );
  add('problems.found', '发现问题（个）', 'problems', found);
  add('problems.closed', '整改销号（个）', 'problems', closed);
  for (const source of PROBLEM_SOURCES) {
    add(
      `problems.found.${source}`,
      `${SOURCE_LABELS[source]}（个）`,
      'problems',
      found.filter((p) => p.source === source),
    );
    add(
      `problems.closed.${source}`,
      `${SOURCE_LABELS[source]}销号（个）`,
      'problems',
      closed.filter((p) => p.source === source),
    );
  }

  // 回头看: the closed items looked at again in the year, and those found back (反弹) in it.
  add(
    'problems.rechecked',
    '回头看的已销号问题（个）',
    'problems',
    problems.filter((p) => p.status === 'closed' && (p.rechecks ?? []).some((r) => inYear(r.date))),
  );
  add(
    'problems.rebounded',
    '回头看发现反弹（个）',
    'problems',
    problems.filter((p) => p.status === 'closed' && p.reboundTo && inYear(p.reboundTo.date)),
  );

  // Flags awarded in the year's flag periods (months, or quarters when flags are quarterly).
  const flagged = input.results.filter((r) => r.flagsAwarded && r.id.slice(0, 4) === year);
  const flags = (color: 'red' | 'yellow') =>
    flagged.flatMap((r) =>
      r.rows
        .filter((row) => row.flag === color && !row.withdrawn)
        .map((row) => ({ id: r.id, line: `${periodLabel(r.id)} ${row.name}` })),
    );
  for (const [color, key, label] of [
    ['red', 'flags.red', '红旗（面次）'],
    ['yellow', 'flags.yellow', '黄旗（面次）'],
  ] as const) {
    const given = flags(color);
    add(key, label, 'results', given);
    figures.get(key)!.lines = given.map((g) => g.line);
  }

  const river = live(input.riverPatrols).filter((p) => inYear(p.date));
  add('patrols.river', '巡河（次）', 'riverPatrols', river);
  add(
    'patrols.riverFindings',
    '巡河发现问题（处）',
    'riverPatrols',
    river.filter((p) => p.findings.length > 0),
    river.reduce((n, p) => n + p.findings.length, 0),
  );
  add(
    'patrols.forest',
    '巡林（次）',
    'forestPatrols',
    live(input.forestPatrols).filter((p) => inYear(p.date)),
  );
  return figures;
}

const sum = (rows: readonly WorkRecord[], key: string) =>
  rows.reduce((n, r) => n + (typeof r.values[key] === 'number' ? r.values[key] : 0), 0);
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The draft's paragraphs in the summary's own structure. `{key}` marks a figure; `{town}` and
 * `{year}` the town and year. `[…]` is a clause said only when every figure in it has something
 * to show (a record or a line): no "对境内—沿线0公里" in a year without greening. Headings are
 * paragraphs of their own.
 */
export const SUMMARY_TEMPLATE: readonly { heading?: boolean; text: string }[] = [
  {
    text: '{year}年以来，{town}认真贯彻习近平生态文明思想，深入践行“绿水青山就是金山银山”的发展理念，持续提升镇域环境整体质效，让全镇绿水青山“底色”更重、金山银山“成色”更足、乡村振兴“本色”更亮。',
  },
  { heading: true, text: '一、高位部署谋划，压紧压实大抓生态工作责任' },
  {
    text: '一是强化理论学习。将习近平生态文明思想列入镇党委会议、镇党委理论中心组学习会议、镇村干部职工例会必学内容，持续加强生态环境保护内容学习。年内，镇党委会议学习生态环境保护内容{study.party}次，镇党委理论学习中心组会议学习共{study.central}次，镇村干部职工例会学习共{study.staff}次。',
  },
  {
    text: '二是靠实工作责任。认真履行生态环保“党政同责，一岗双责”工作责任[，成立由镇党委书记担任组长，党委副书记、镇长和分管副镇长担任副组长，各科级领导、{villages.count}村党支部书记为成员的{town}生态环境保护工作领导小组（{group.count}人）]，全面构建无遗漏、无死角的生态环境保护责任体系。',
  },
  {
    text: '三是建立工作机制。[{documents.phrase}，][开展{campaigns.names}等环境整治活动，]细化工作举措，量化评比机制，全年评出红旗{flags.red}面次、黄旗{flags.yellow}面次，压实工作责任。',
  },
  { heading: true, text: '二、高标压茬推进，落实落细大抓生态工作举措' },
  {
    text: '一是聚力抓好人居环境整治工作。[以开展{campaigns.theme}活动为抓手，]扎实开展以“十项消除”为主要内容的整治，全年消除各类问题{eliminations.count}处[，对境内{greening.roads}沿线{greening.km}公里栽植的绿植进行长效管护][，完成{toilets.completed}座农村改厕任务][，通过村民代表大会修订村规民约{compacts.count}个]。',
  },
  {
    text: '二是聚力抓好河湖“清四乱”工作。坚持以“河长制”为抓手，常态化开展巡河，全年巡河{patrols.river}次，发现问题{patrols.riverFindings}处，结合环境整治“曝光台”制度，聚焦辖区河道内“四乱”突出问题，做到“守河有责、守河担责、守河尽责”。',
  },
  {
    text: '三是聚力抓好林长制各项工作。强化森林防火网格化管理，充分发挥全镇镇村干部、{rangers.public}名公益护林员、{rangers.eco}名生态护林员作用，明确和细化领导干部包村、村干部包组，护林员、社长包山头地块责任，全年巡林{patrols.forest}次。',
  },
  { heading: true, text: '三、高质整改提升，应改尽改大抓生态反馈问题' },
  {
    text: '紧紧聚焦省市县督查反馈问题、镇级督查发现问题、村级自查上报问题、群众申诉反映问题四类环境问题整改工作，逐条逐项建立清单台账。全年共发现各类问题{problems.found}个，其中上级督查反馈{problems.found.upper}个、镇级督查发现{problems.found.town}个、村级自查上报{problems.found.village}个、群众申诉反映{problems.found.public}个；整改销号{problems.closed}个[；对已销号问题开展回头看{problems.rechecked}个][，发现反弹{problems.rebounded}个，均已另开问题整改]。由镇纪委负责对各类问题的整改情况进行跟踪调度，确保各类问题应改尽改、清仓见底、按期销号。',
  },
  { heading: true, text: '四、高效宣传营造，树紧树牢大抓生态浓厚氛围' },
  {
    text: '积极通过抖音、微信公众号、召开会议、开展活动等线上线下相结合的方式开展宣传{publicity.count}次，覆盖群众{publicity.reach}人次，宣传《中华人民共和国环境保护法》等法律法规，引导广大群众增强环境保护的法治意识，养成绿色生产生活方式。',
  },
  {
    text: '尽管{town}在环境保护方面作了一定的工作，也取得了一定的成效，但我们也清醒地认识到仍然存在不足。在今后的工作中，{town}将紧盯问题，聚力攻坚，靶向破难，全力推进全镇人居环境品质纵向有进步、横向有进位。',
  },
];

export type Segment = { text: string } | { figure: Figure };

/** Whether a figure counts anything (a record, or a line such as a setting's) that can be opened. */
export const hasSomethingToShow = (figure: Figure) =>
  figure.ids.length > 0 || (figure.lines?.length ?? 0) > 0;

/** A template paragraph as text and figures, for a screen that lets each figure be opened. */
export function fillParagraph(
  text: string,
  figures: ReadonlyMap<string, Figure>,
  town: string,
  year: number,
): Segment[] {
  const shown = (key: string) => {
    if (key === 'town' || key === 'year') return true;
    const figure = figures.get(key);
    return figure !== undefined && hasSomethingToShow(figure);
  };
  const said = text.replace(/\[([^[\]]*)\]/g, (_, clause: string) =>
    [...clause.matchAll(/\{([\w.]+)\}/g)].every(([, key]) => shown(key!)) ? clause : '',
  );
  const parts = said.split(/(\{[\w.]+\})/);
  const segments: Segment[] = [];
  for (const part of parts) {
    const key = /^\{([\w.]+)\}$/.exec(part)?.[1];
    if (key === 'town') segments.push({ text: town });
    else if (key === 'year') segments.push({ text: String(year) });
    else if (key && figures.has(key)) segments.push({ figure: figures.get(key)! });
    else if (part) segments.push({ text: part });
  }
  return segments;
}

export const segmentsText = (segments: readonly Segment[]) =>
  segments.map((s) => ('figure' in s ? String(s.figure.value) : s.text)).join('');

/** The year's draft as stored: each paragraph's text as the office edited it (null: as generated). */
export interface SummaryDraft extends BaseRecord {
  /** The year, as text: '2026'. */
  id: string;
  edited: (string | null)[];
}
