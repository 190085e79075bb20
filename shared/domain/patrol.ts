import type { PhotoRef } from './assessment';
import { checkDate, daysInMonth, type DateBounds } from './dates';
import { parseMonthKey } from './period';
import type { BaseRecord, Voided } from './record';
import { checkReason } from './textLimits';
import { charLength, cleanText, type ValidationIssue } from './validation';

/**
 * River and forest chiefs' patrols (河长制 · 林长制): rivers split into segments with their chiefs,
 * forest plots with the grid that covers them, patrol logs whose findings open ledger items, and
 * the frequency rules that say who is behind.
 */

/** 四乱 first, then the other things a river patrol finds. */
export const RIVER_FINDINGS = [
  '乱占',
  '乱采',
  '乱堆',
  '乱建',
  '漂浮物',
  '排污口',
  '异味',
  '公示牌破损',
  '其他',
] as const;
export const FOREST_FINDINGS = ['火灾隐患', '野外用火', '乱砍滥伐', '病虫害', '其他'] as const;
export const WEATHER = ['晴', '多云', '阴', '雨', '雪', '大风'] as const;

/** The ledger category of a problem opened from a patrol finding. */
export const RIVER_PROBLEM_CATEGORY = '河湖四乱';
export const FOREST_PROBLEM_CATEGORY = '林草/森林防火';

export interface RiverSegment {
  id: string;
  name: string;
  /** 镇级 or 村级 河长 covers it. */
  level: 'town' | 'village';
  chiefId: string;
  villageId?: string | undefined;
}

export interface River extends BaseRecord {
  name: string;
  segments: RiverSegment[];
}

export interface PatrolFinding {
  id: string;
  kind: string;
  note: string;
  /** The ledger item opened from it (the item links back with `patrolId`). */
  problemId?: string | undefined;
}

export interface RiverPatrol extends BaseRecord {
  riverId: string;
  segmentId: string;
  chiefId: string;
  date: string;
  /** HH:MM */
  startTime: string;
  endTime: string;
  routeFrom: string;
  routeTo: string;
  /** 巡查内容: what was checked. */
  checked: string;
  findings: PatrolFinding[];
  action: string;
  photos?: PhotoRef[] | undefined;
  /** Entered by mistake (a patrol logged twice): out of every list and count. */
  voided?: Voided | undefined;
}

/** A forest plot (山头地块) and its grid: 包村领导 → 村干部包组 → 护林员/社长包山头地块. */
export interface ForestPlot extends BaseRecord {
  name: string;
  villageId: string;
  /** 组/社 */
  group: string;
  cadreId?: string | undefined;
  rangerId: string;
}

export interface ForestPatrol extends BaseRecord {
  plotId: string;
  rangerId: string;
  date: string;
  weather: string;
  /** Empty: 正常. */
  findings: PatrolFinding[];
  note: string;
  photos?: PhotoRef[] | undefined;
  voided?: Voided | undefined;
}

/** The rules the compliance views count against (configurable; DOMAIN.md §5 defaults). */
export interface PatrolRules {
  /** Patrols a village river chief owes every 7 days. */
  villageChiefPerWeek: number;
  /** Patrols a town river chief owes every month. */
  townChiefPerMonth: number;
  /** Days a ranger patrols in a month. */
  rangerDaysPerMonth: number;
  /** 防火期, MM-DD to MM-DD (may run over the new year). */
  fireSeason: { from: string; to: string };
  /** High-risk periods (清明, 春节 …), MM-DD to MM-DD. */
  highRisk: { name: string; from: string; to: string }[];
}

export const DEFAULT_PATROL_RULES: PatrolRules = {
  villageChiefPerWeek: 1,
  townChiefPerMonth: 1,
  rangerDaysPerMonth: 20,
  fireSeason: { from: '11-15', to: '04-15' },
  highRisk: [
    { name: '春节', from: '01-20', to: '02-20' },
    { name: '清明', from: '03-25', to: '04-10' },
  ],
};

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2024, month);
}

/** Whether a date falls in a MM-DD range; a range whose end is before its start runs over New Year. */
export function inSeason(date: string, range: { from: string; to: string }): boolean {
  const md = date.slice(5);
  return range.from <= range.to
    ? md >= range.from && md <= range.to
    : md >= range.from || md <= range.to;
}

export function validatePatrolRules(rules: PatrolRules): string[] {
  const problems: string[] = [];
  const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
  if (!whole(rules.villageChiefPerWeek, 7)) problems.push('村级河长每周巡河次数应为 0–7 的整数。');
  if (!whole(rules.townChiefPerMonth, 31)) problems.push('镇级河长每月巡河次数应为 0–31 的整数。');
  if (!whole(rules.rangerDaysPerMonth, 31)) problems.push('护林员每月巡林天数应为 0–31 的整数。');
  if (!isMonthDay(rules.fireSeason.from) || !isMonthDay(rules.fireSeason.to))
    problems.push('防火期的起止日期应写成“11-15”这样的月-日。');
  rules.highRisk.forEach((r, i) => {
    if (!cleanText(r.name)) problems.push(`第 ${i + 1} 个高火险时段没有名称。`);
    if (!isMonthDay(r.from) || !isMonthDay(r.to))
      problems.push(`高火险时段“${r.name}”的起止日期应写成“01-20”这样的月-日。`);
  });
  return problems;
}

/** One person's standing for a month: owed so far, done, and how far behind. */
export interface ComplianceRow {
  personId: string;
  name: string;
  /** e.g. 村级河长 · 东河东村段 */
  role: string;
  required: number;
  done: number;
  behind: number;
  lastDate: string | null;
}

/**
 * Days of `month` that have passed on `asOf` (the whole month once it is over, none before it).
 */
export function elapsedDays(month: string, asOf: string): number {
  const { year, month: m } = parseMonthKey(month);
  const days = daysInMonth(year, m);
  if (asOf.slice(0, 7) > month) return days;
  if (asOf.slice(0, 7) < month) return 0;
  return Number(asOf.slice(8, 10));
}

/**
 * What is owed by `asOf` of a month, pro rata: a rule of `times` per `periodDays` owes
 * floor(times × elapsed ÷ periodDays). Weekly 1 in a 30-day month: 4 by day 28; monthly 1: only
 * once the month is over; a ranger's 20 days in a 30-day month: 10 by day 15.
 */
export function owed(times: number, periodDays: number, elapsed: number): number {
  return Math.floor((times * elapsed) / periodDays + 1e-9);
}

/** River chiefs' compliance for a month: each chief of a segment, patrols counted per segment. */
export function riverCompliance(input: {
  rivers: readonly River[];
  patrols: readonly Pick<RiverPatrol, 'segmentId' | 'chiefId' | 'date' | 'deletedAt'>[];
  names: ReadonlyMap<string, string>;
  rules: PatrolRules;
  month: string;
  asOf: string;
}): ComplianceRow[] {
  const { year, month: m } = parseMonthKey(input.month);
  const elapsed = elapsedDays(input.month, input.asOf);
  const rows: ComplianceRow[] = [];
  for (const river of input.rivers) {
    if (river.deletedAt !== undefined) continue;
    for (const segment of river.segments) {
      const mine = input.patrols.filter(
        (p) =>
          p.deletedAt === undefined &&
          p.segmentId === segment.id &&
          p.chiefId === segment.chiefId &&
          p.date.slice(0, 7) === input.month &&
          p.date <= input.asOf,
      );
      const required =
        segment.level === 'village'
          ? owed(input.rules.villageChiefPerWeek, 7, elapsed)
          : owed(input.rules.townChiefPerMonth, daysInMonth(year, m), elapsed);
      rows.push({
        personId: segment.chiefId,
        name: input.names.get(segment.chiefId) ?? '',
        role: `${segment.level === 'village' ? '村级河长' : '镇级河长'} · ${river.name}${segment.name}`,
        required,
        done: mine.length,
        behind: Math.max(0, required - mine.length),
        lastDate: mine.reduce<string | null>(
          (last, p) => (last && last > p.date ? last : p.date),
          null,
        ),
      });
    }
  }
  return sortBehind(rows);
}

/** Rangers' compliance for a month: distinct days patrolled against the quota, pro rata. */
export function rangerCompliance(input: {
  rangers: readonly { id: string; name: string; type: string }[];
  patrols: readonly Pick<ForestPatrol, 'rangerId' | 'date' | 'deletedAt'>[];
  rules: PatrolRules;
  month: string;
  asOf: string;
}): ComplianceRow[] {
  const { year, month: m } = parseMonthKey(input.month);
  const required = owed(
    input.rules.rangerDaysPerMonth,
    daysInMonth(year, m),
    elapsedDays(input.month, input.asOf),
  );
  const days = new Map<string, Set<string>>();
  for (const p of input.patrols) {
    if (p.deletedAt !== undefined || p.date.slice(0, 7) !== input.month || p.date > input.asOf)
      continue;
    if (!days.has(p.rangerId)) days.set(p.rangerId, new Set());
    days.get(p.rangerId)!.add(p.date);
  }
  return sortBehind(
    input.rangers.map((r) => {
      const mine = [...(days.get(r.id) ?? [])].sort();
      return {
        personId: r.id,
        name: r.name,
        role: r.type,
        required,
        done: mine.length,
        behind: Math.max(0, required - mine.length),
        lastDate: mine.at(-1) ?? null,
      };
    }),
  );
}

const sortBehind = (rows: ComplianceRow[]) =>
  rows.sort((a, b) => b.behind - a.behind || a.name.localeCompare(b.name, 'zh-CN'));

/**
 * A finding as the form holds it: a new one has no id; a stored one keeps its id (and shows its
 * ledger item, which the data layer keeps whatever the form says).
 */
export type FindingForm = Pick<PatrolFinding, 'kind' | 'note'> & {
  id?: string | undefined;
  problemId?: string | undefined;
};

/** What a patrol form holds before it is stored (the chief or ranger comes from the place). */
export type RiverPatrolForm = Omit<
  RiverPatrol,
  keyof BaseRecord | 'chiefId' | 'photos' | 'findings'
> & {
  findings: FindingForm[];
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateRiverPatrol(form: RiverPatrolForm, past: DateBounds): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!form.riverId || !form.segmentId)
    issues.push({ field: 'segmentId', message: '请选择河流和河段。' });
  checkPatrolDate(form.date, past, '巡河日期', issues);
  if (!TIME.test(form.startTime) || !TIME.test(form.endTime))
    issues.push({ field: 'startTime', message: '开始和结束时间应写成“08:30”这样的时:分。' });
  else if (form.endTime <= form.startTime)
    issues.push({ field: 'endTime', message: '结束时间应晚于开始时间。' });
  if (!cleanText(form.routeFrom) || !cleanText(form.routeTo))
    issues.push({ field: 'routeFrom', message: '请填写巡河起点和终点。' });
  checkFindings(form.findings, RIVER_FINDINGS, issues);
  if (form.findings.length > 0 && !cleanText(form.action))
    issues.push({ field: 'action', message: '发现问题时请填写处理情况。' });
  for (const [field, label, text] of [
    ['routeFrom', '起点', form.routeFrom],
    ['routeTo', '终点', form.routeTo],
    ['checked', '巡查内容', form.checked],
    ['action', '处理情况', form.action],
  ] as const)
    if (charLength(cleanText(text)) > 200) issues.push({ field, message: `${label}最多 200 字。` });
  return issues;
}

export type ForestPatrolForm = Omit<
  ForestPatrol,
  keyof BaseRecord | 'rangerId' | 'photos' | 'findings'
> & {
  findings: FindingForm[];
};

export function validateForestPatrol(form: ForestPatrolForm, past: DateBounds): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!form.plotId) issues.push({ field: 'plotId', message: '请选择山头地块。' });
  checkPatrolDate(form.date, past, '巡林日期', issues);
  if (!(WEATHER as readonly string[]).includes(form.weather))
    issues.push({ field: 'weather', message: '请选择天气。' });
  checkFindings(form.findings, FOREST_FINDINGS, issues);
  if (charLength(cleanText(form.note)) > 200)
    issues.push({ field: 'note', message: '情况说明最多 200 字。' });
  return issues;
}

function checkPatrolDate(date: string, past: DateBounds, label: string, issues: ValidationIssue[]) {
  const problem = checkDate(label, date, past);
  if (problem) issues.push({ field: 'date', message: problem });
}

function checkFindings(
  findings: readonly { kind: string; note: string }[],
  kinds: readonly string[],
  issues: ValidationIssue[],
) {
  findings.forEach((f, i) => {
    if (!kinds.includes(f.kind))
      issues.push({ field: 'findings', message: `第 ${i + 1} 个发现问题请选择类型。` });
    if (!cleanText(f.note))
      issues.push({ field: 'findings', message: `第 ${i + 1} 个发现问题请写明情况。` });
    else if (charLength(cleanText(f.note)) > 200)
      issues.push({ field: 'findings', message: `第 ${i + 1} 个发现问题的说明最多 200 字。` });
  });
}

/** The ledger item a finding opens (清四乱: 发现一处、清理一处、销号一处). */
export function findingProblemDescription(
  finding: Pick<PatrolFinding, 'kind' | 'note'>,
  where: string,
  date: string,
  patrolKind: 'river' | 'forest',
): string {
  return `${finding.kind}：${cleanText(finding.note)}（${date} ${patrolKind === 'river' ? '巡河' : '巡林'}发现，${where}）`;
}

/** The month's compliance of every river chief and ranger (rangers are people with that role). */
export function monthCompliance(input: {
  rivers: readonly River[];
  people: readonly { id: string; name: string; roles: readonly string[] }[];
  river: readonly Pick<RiverPatrol, 'segmentId' | 'chiefId' | 'date' | 'deletedAt'>[];
  forest: readonly Pick<ForestPatrol, 'rangerId' | 'date' | 'deletedAt'>[];
  rules: PatrolRules;
  month: string;
  asOf: string;
}): { river: ComplianceRow[]; rangers: ComplianceRow[] } {
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const rangers = input.people
    .filter((p) => p.roles.includes('publicWelfareRanger') || p.roles.includes('ecologicalRanger'))
    .map((p) => ({
      id: p.id,
      name: p.name,
      type: p.roles.includes('publicWelfareRanger') ? '公益护林员' : '生态护林员',
    }));
  const common = { rules: input.rules, month: input.month, asOf: input.asOf };
  return {
    river: riverCompliance({ rivers: input.rivers, patrols: input.river, names, ...common }),
    rangers: rangerCompliance({ rangers, patrols: input.forest, ...common }),
  };
}

/** The rules as the form shows them; high-risk periods one a line: "清明 03-25 04-10". */
export interface PatrolRulesForm {
  villageChief: string;
  townChief: string;
  ranger: string;
  fireFrom: string;
  fireTo: string;
  highRisk: string;
}

export function rulesToForm(rules: PatrolRules): PatrolRulesForm {
  return {
    villageChief: String(rules.villageChiefPerWeek),
    townChief: String(rules.townChiefPerMonth),
    ranger: String(rules.rangerDaysPerMonth),
    fireFrom: rules.fireSeason.from,
    fireTo: rules.fireSeason.to,
    highRisk: rules.highRisk.map((r) => `${r.name} ${r.from} ${r.to}`).join('\n'),
  };
}

/**
 * The rules read from the form. A blank or non-numeric count becomes NaN, so that
 * `validatePatrolRules` names it instead of it silently meaning 0.
 */
export function rulesFromForm(form: PatrolRulesForm): PatrolRules {
  const count = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
  return {
    villageChiefPerWeek: count(form.villageChief),
    townChiefPerMonth: count(form.townChief),
    rangerDaysPerMonth: count(form.ranger),
    fireSeason: { from: form.fireFrom.trim(), to: form.fireTo.trim() },
    highRisk: form.highRisk
      .split('\n')
      .map((line) => cleanText(line).split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', from = '', to = '']) => ({ name, from, to })),
  };
}

/**
 * The findings of a corrected patrol: a finding kept from the stored patrol keeps its id and its
 * ledger item; a new one gets a new id.
 */
export function correctedFindings(
  stored: readonly PatrolFinding[],
  form: readonly FindingForm[],
  newId: () => string,
): PatrolFinding[] {
  const byId = new Map(stored.map((f) => [f.id, f]));
  return form.map((f) => {
    const kept = f.id ? byId.get(f.id) : undefined;
    const note = cleanText(f.note);
    return kept ? { ...kept, kind: f.kind, note } : { id: newId(), kind: f.kind, note };
  });
}

/** The fields of a patrol the office enters (and may correct); the rest is kept by the data layer. */
const PATROL_CONTENT = [
  'riverId',
  'segmentId',
  'chiefId',
  'plotId',
  'rangerId',
  'date',
  'startTime',
  'endTime',
  'routeFrom',
  'routeTo',
  'checked',
  'findings',
  'action',
  'weather',
  'note',
] as const;

/**
 * Why a correction of a stored patrol (更正) cannot be saved: it must change something and say
 * why; a finding already turned into a ledger item (转整改) stays, of the same type, and the
 * patrol stays on the same segment or plot (the item names that place). The rest of the patrol
 * is checked as a new one is.
 */
export function checkPatrolCorrection(
  stored: RiverPatrol | ForestPatrol,
  next: RiverPatrol | ForestPatrol,
  reason: string,
): ValidationIssue[] {
  const a = stored as unknown as Record<string, unknown>;
  const b = next as unknown as Record<string, unknown>;
  const changed = PATROL_CONTENT.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (!changed) return [{ field: '', message: '没有改动：内容与现在相同。' }];
  const issues: ValidationIssue[] = [];
  const linked = stored.findings.filter((f) => f.problemId);
  for (const f of linked) {
    const now = next.findings.find((g) => g.id === f.id);
    if (!now || now.kind !== f.kind)
      issues.push({
        field: 'findings',
        message: `发现问题“${f.kind}：${f.note}”已转整改，不能删除或改类型；如有误，请在台账中更正或作废该问题。`,
      });
  }
  const place = ['riverId', 'segmentId', 'plotId'] as const;
  if (linked.length > 0 && place.some((k) => a[k] !== b[k]))
    issues.push({
      field: 'segmentId',
      message: '这次巡查已有发现问题转整改，不能更改河段或山头地块。',
    });
  const why = checkReason('更正', reason, { example: '河段选错' });
  if (why) issues.push({ field: 'reason', message: why });
  return issues;
}

/**
 * Why a patrol cannot be voided (作废): a reason, and no finding of it still an open ledger item
 * (`liveItems`: how many of its findings' items are not voided).
 */
export function checkPatrolVoid(liveItems: number, reason: string): string | null {
  if (liveItems > 0)
    return '这次巡查的发现问题已转整改，不能作废；如是误录，请先在台账中作废相应问题。';
  return checkReason('作废', reason, { example: '重复录入' });
}

/**
 * Whether two patrols are the same one entered twice: a river patrol of the same segment, day
 * and start time, or a forest patrol of the same plot on the same day (a ranger's day counts
 * once).
 */
export function isSamePatrol(
  a: Pick<RiverPatrol, 'segmentId' | 'date' | 'startTime'> | Pick<ForestPatrol, 'plotId' | 'date'>,
  b: Pick<RiverPatrol, 'segmentId' | 'date' | 'startTime'> | Pick<ForestPatrol, 'plotId' | 'date'>,
): boolean {
  if (a.date !== b.date) return false;
  if ('segmentId' in a && 'segmentId' in b)
    return a.segmentId === b.segmentId && a.startTime === b.startTime;
  if ('plotId' in a && 'plotId' in b) return a.plotId === b.plotId;
  return false;
}

/** What the office is told when a patrol is entered twice. */
export function samePatrolMessage(patrol: { date: string; startTime?: string }): string {
  return patrol.startTime
    ? `这个河段 ${patrol.date} ${patrol.startTime} 开始的巡河已经记录过了；如是另一次巡河，请核对开始时间。`
    : `这个山头地块 ${patrol.date} 已经有巡林记录了（护林员一天只计一次）。`;
}
