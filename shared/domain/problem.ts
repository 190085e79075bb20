import type { PhotoRef } from './assessment';
import { checkDate, isValidIsoDate, type DateBounds } from './dates';
import type { ProblemSource, ProblemStatus } from './ledger';
import type { LongTermDuty, Recheck } from './recheck';
import type { BaseRecord, Voided } from './record';
import { checkReason } from './textLimits';
import { charLength, cleanText, requireText, type ValidationIssue } from './validation';

/** A rectification item of the ledger (问题整改清单台账). */
export interface Problem extends BaseRecord {
  /** e.g. 2026-镇督-0042: unique, never reused. */
  number: string;
  /**
   * Entered by mistake and voided (作废): out of every list and count (it is soft-deleted), its
   * number never reused, readable in the history with why, when and by whom.
   */
  voided?: Voided | undefined;
  source: ProblemSource;
  /** For 上级督查反馈: 省/市/县 and the batch or document number. */
  upperLevel?: UpperLevel | undefined;
  batch?: string | undefined;
  /** For 上级督查反馈: the item's own number in the upper level's list (问题编号). */
  countyNumber?: string | undefined;
  /** For 上级督查反馈: what the upper level demands (整改要求), as it wrote it. */
  requirement?: string | undefined;
  /** For 群众申诉反映: how it came in; the complainant is kept private (not exported). */
  channel?: ComplaintChannel | undefined;
  complainant?: string | undefined;
  category: string;
  villageId?: string | undefined;
  place: string;
  description: string;
  foundOn: string;
  deadline: string;
  /** The first deadline, kept visible after extensions. */
  originalDeadline: string;
  extensions: { from: string; to: string; reason: string; at: string; by: string }[];
  responsiblePerson: string;
  responsibleLeader: string;
  measures: { id: string; text: string; done: boolean }[];
  progress: { at: string; by: string; text: string }[];
  beforePhotos: PhotoRef[];
  afterPhotos: PhotoRef[];
  status: ProblemStatus;
  verification?: { verifier: string; date: string; opinion: string } | undefined;
  unfixable?: { reason: string; approver: string } | undefined;
  /** 镇纪委督办 */
  supervised: boolean;
  /** Chosen for the 曝光台 (public exposure board). */
  exposed?: boolean | undefined;
  accountability: {
    kind: AccountabilityKind;
    person: string;
    note: string;
    at: string;
    by: string;
  }[];
  /** Progress reports sent upward (dates), for 上级督查反馈. */
  reports: string[];
  /** The assessment deduction this item was opened from (linked both ways). */
  deductionId?: string | undefined;
  /** The river or forest patrol whose finding opened it (the finding links back). */
  patrol?: { table: 'riverPatrols' | 'forestPatrols'; id: string; findingId: string } | undefined;
  /** For an item imported from a county list: what identifies it there (importing twice adds nothing). */
  externalKey?: string | undefined;
  /** 回头看 after 销号 (shared/domain/recheck.ts): each visit with its result. */
  rechecks?: Recheck[] | undefined;
  /** For 上级督查反馈: the upper level's own 回头看 dates, checked besides the rule's. */
  countyRecheckDates?: string[] | undefined;
  /** Closed as 已完成·长期坚持: the standing duty and how often it is checked. */
  longTerm?: LongTermDuty | undefined;
  /** This closed item came back (反弹): the new item opened for it, and the day it was found. */
  reboundTo?: { problemId: string; date: string } | undefined;
  /** This item is the return (反弹) of that closed one. */
  reboundOf?: string | undefined;
}

export const UPPER_LEVELS = ['province', 'city', 'county'] as const;
export type UpperLevel = (typeof UPPER_LEVELS)[number];
export const UPPER_LEVEL_LABELS: Record<UpperLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
};

export const COMPLAINT_CHANNELS = ['phone', 'letter', 'visit', 'wechat', 'hotline'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  phone: '电话',
  letter: '来信',
  visit: '来访',
  wechat: '微信',
  hotline: '12345',
};

export const ACCOUNTABILITY_KINDS = ['interview', 'notice', 'accountability'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];
export const ACCOUNTABILITY_LABELS: Record<AccountabilityKind, string> = {
  interview: '约谈',
  notice: '通报',
  accountability: '问责',
};

/** The default categories; the office edits the list. */
export const DEFAULT_PROBLEM_CATEGORIES = [
  '人居环境',
  '河湖四乱',
  '林草/森林防火',
  '秸秆焚烧',
  '水/大气/土壤/固废/噪声',
  '其他',
];

/** Days allowed to fix an item when the form does not say: 15 (a town's usual 整改时限). */
export const DEFAULT_FIX_DAYS = 15;

export interface ProblemForm {
  source: ProblemSource;
  upperLevel?: UpperLevel | undefined;
  batch?: string | undefined;
  countyNumber?: string | undefined;
  requirement?: string | undefined;
  channel?: ComplaintChannel | undefined;
  complainant?: string | undefined;
  category: string;
  villageId?: string | undefined;
  place: string;
  description: string;
  foundOn: string;
  deadline: string;
  responsiblePerson: string;
  responsibleLeader: string;
}

/** `past` bounds the 发现日期 (it happened); without it only its being a real date is checked. */
export function validateProblemForm(form: ProblemForm, past?: DateBounds): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const description = requireText(form.description, 'description', '问题描述', 500);
  if (description) issues.push(description);
  if (cleanText(form.category) === '')
    issues.push({ field: 'category', message: '请选择问题类别。' });
  const found = checkDate('发现日期', form.foundOn, past);
  if (found) issues.push({ field: 'foundOn', message: found });
  const deadline = checkDate('整改时限', form.deadline);
  if (deadline) issues.push({ field: 'deadline', message: deadline });
  else if (isValidIsoDate(form.foundOn) && form.deadline < form.foundOn) {
    issues.push({ field: 'deadline', message: '整改时限不能早于发现日期。' });
  }
  const person = requireText(form.responsiblePerson, 'responsiblePerson', '整改责任人', 20);
  if (person) issues.push(person);
  if (form.source === 'upper' && !form.upperLevel)
    issues.push({ field: 'upperLevel', message: '上级督查反馈请选择省、市或县级。' });
  if (form.source === 'public' && !form.channel)
    issues.push({ field: 'channel', message: '群众申诉请选择反映渠道。' });
  if (charLength(cleanText(form.place)) > 100)
    issues.push({ field: 'place', message: '地点最多 100 个字。' });
  if (charLength(cleanText(form.countyNumber ?? '')) > 50)
    issues.push({ field: 'countyNumber', message: '上级问题编号最多 50 个字。' });
  if (charLength(cleanText(form.requirement ?? '')) > 1000)
    issues.push({ field: 'requirement', message: '整改要求最多 1000 个字。' });
  return issues;
}

/** The fields of an item a correction (更正) may change; its source sets its number, so not that. */
export const CORRECTABLE_FIELDS = [
  'upperLevel',
  'batch',
  'countyNumber',
  'requirement',
  'channel',
  'complainant',
  'category',
  'villageId',
  'place',
  'description',
  'foundOn',
  'deadline',
  'responsiblePerson',
  'responsibleLeader',
] as const satisfies readonly (keyof ProblemForm)[];

/** The item's fields as the form shows them, for correcting it. */
export function formOf(p: Problem): ProblemForm {
  return {
    source: p.source,
    upperLevel: p.upperLevel,
    batch: p.batch,
    countyNumber: p.countyNumber,
    requirement: p.requirement,
    channel: p.channel,
    complainant: p.complainant,
    category: p.category,
    villageId: p.villageId,
    place: p.place,
    description: p.description,
    foundOn: p.foundOn,
    deadline: p.deadline,
    responsiblePerson: p.responsiblePerson,
    responsibleLeader: p.responsibleLeader,
  };
}

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');

/**
 * What a correction changes, or why it cannot be made: the fields it changes (none is refused),
 * a reason once work on the item has started (a pending item's slip is corrected freely), and a
 * deadline only while the item is pending (later it moves by 延期, which keeps the old one).
 */
export function checkCorrection(
  item: Problem,
  form: ProblemForm,
  reason: string,
  past?: DateBounds,
): { issues: ValidationIssue[]; changed: (keyof ProblemForm)[] } {
  const issues = validateProblemForm(form, past);
  const changed = CORRECTABLE_FIELDS.filter((f) => !same(form[f], item[f]));
  if (issues.length > 0) return { issues, changed };
  if (changed.length === 0)
    return { issues: [{ field: '', message: '没有改动：内容与现在相同。' }], changed };
  if (changed.includes('deadline') && item.status !== 'pending')
    issues.push({
      field: 'deadline',
      message: '开始整改后，整改时限请用“延期”更改（原时限会留在记录里）。',
    });
  const why = checkReason('更正', reason, {
    required: item.status !== 'pending',
    lead: '开始整改后更正需要写明原因',
  });
  if (why) issues.push({ field: 'reason', message: why });
  return { issues, changed };
}

/** Why an item cannot be voided (作废), or null: a reason, and not one that was closed off. */
export function checkVoid(item: Problem, reason: string): string | null {
  if (item.status === 'closed' || item.status === 'unfixable')
    return '已销号或已认定无法整改的问题不能作废。';
  return checkReason('作废', reason, { example: '重复录入' });
}
