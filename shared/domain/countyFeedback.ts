import { isValidIsoDate } from './dates';
import { deadlineState } from './ledger';
import { addDays, daysBetween } from './period';
import type { Problem } from './problem';
import { isLive } from './record';
import { charLength, cleanText, type ValidationIssue } from './validation';

/**
 * The county's inspection feedback list for one town (督查反馈清单): items the county found or
 * presses on (督办), each with the county's own number, written at the county and handed to the
 * town as the .xlsx its ledger imports (and as a signed package holding that sheet). Once issued
 * a list is frozen: the town may already have imported it, and its numbers are the county's.
 */

export interface FeedbackItem {
  id: string;
  /** The county's own number (问题编号): what makes a second import of the list add nothing. */
  number: string;
  /** The village as the town's packages name it; '' for the town as a whole. */
  villageName: string;
  category: string;
  place: string;
  description: string;
  requirement: string;
  /** 整改责任人 (a village's item: its secretary, as the town's packages name them, by default). */
  responsible: string;
  deadline: string;
  /** 督办: the town's own item this presses on, as the town numbered it. */
  presses?: { problemId: string; number: string } | undefined;
}

export type FeedbackStatus = 'draft' | 'issued';

export interface FeedbackList {
  id: string;
  townId: string;
  townName: string;
  /** 批次或文号, e.g. 江北县环督〔2026〕12号. */
  batch: string;
  /** 交办日期. */
  issuedOn: string;
  items: FeedbackItem[];
  status: FeedbackStatus;
  createdAt: string;
  createdBy: string;
  issuedAt?: string | undefined;
  issuedBy?: string | undefined;
}

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  draft: '草稿',
  issued: '已下发',
};

/** How long the town has to fix an item by default (days after 交办). */
export const DEFAULT_FEEDBACK_DAYS = 30;
/** A pressed (督办) item's default deadline: sooner. */
export const DEFAULT_PRESS_DAYS = 15;

export const FEEDBACK_LIMITS = {
  batch: 60,
  category: 20,
  place: 100,
  description: 500,
  requirement: 500,
  responsible: 30,
  items: 500,
} as const;

/**
 * The county's number for the n-th item it hands down in a year: 江北县督-2026-007. The county's
 * name keeps it apart from any other upper level's numbers in the town's ledger.
 */
export function feedbackNumber(county: string, year: number, sequence: number): string {
  return `${county}督-${year}-${String(sequence).padStart(3, '0')}`;
}

/** The next sequence of a year after every number the county has given (drafts included). */
export function nextFeedbackSequence(
  county: string,
  year: number,
  given: readonly string[],
): number {
  const prefix = `${county}督-${year}-`;
  let max = 0;
  for (const number of given)
    if (number.startsWith(prefix)) {
      const n = Number(number.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  return max + 1;
}

/** What is wrong with a list's head (batch and date), in Chinese. */
export function validateFeedbackHead(head: { batch: string; issuedOn: string }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const batch = cleanText(head.batch);
  if (batch === '') issues.push({ field: 'batch', message: '请填写批次或文号。' });
  else if (charLength(batch) > FEEDBACK_LIMITS.batch)
    issues.push({ field: 'batch', message: `批次或文号最多 ${FEEDBACK_LIMITS.batch} 个字。` });
  if (!isValidIsoDate(head.issuedOn))
    issues.push({ field: 'issuedOn', message: '交办日期不是有效日期。' });
  return issues;
}

/** What is wrong with one item of a list handed down on `issuedOn`, in Chinese. */
export function validateFeedbackItem(
  item: Pick<
    FeedbackItem,
    | 'villageName'
    | 'category'
    | 'place'
    | 'description'
    | 'requirement'
    | 'responsible'
    | 'deadline'
  >,
  issuedOn: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const description = cleanText(item.description);
  if (description === '') issues.push({ field: 'description', message: '请填写问题描述。' });
  const limit = (
    field: 'category' | 'place' | 'description' | 'requirement' | 'responsible',
    label: string,
  ) => {
    if (charLength(cleanText(item[field])) > FEEDBACK_LIMITS[field])
      issues.push({ field, message: `${label}最多 ${FEEDBACK_LIMITS[field]} 个字。` });
  };
  limit('description', '问题描述');
  limit('category', '问题类别');
  limit('place', '具体位置');
  limit('requirement', '整改要求');
  limit('responsible', '整改责任人');
  if (cleanText(item.responsible) === '')
    issues.push({
      field: 'responsible',
      message:
        cleanText(item.villageName) === ''
          ? '请填写整改责任人（不属于某个村的问题，如镇分管领导）。'
          : '请填写整改责任人（如村支部书记）。',
    });
  if (cleanText(item.category) === '')
    issues.push({ field: 'category', message: '请选择问题类别。' });
  if (!isValidIsoDate(item.deadline))
    issues.push({ field: 'deadline', message: '整改时限不是有效日期。' });
  else if (isValidIsoDate(issuedOn) && item.deadline < issuedOn)
    issues.push({ field: 'deadline', message: '整改时限不能早于交办日期。' });
  return issues;
}

/** A list can be issued when it has a head and at least one item, all of them right. */
export function checkIssuable(list: FeedbackList): string | null {
  const head = validateFeedbackHead(list);
  if (head[0]) return head[0].message;
  if (list.items.length === 0) return '清单里还没有问题。';
  if (list.items.length > FEEDBACK_LIMITS.items)
    return `一份清单最多 ${FEEDBACK_LIMITS.items} 个问题。`;
  for (const [i, item] of list.items.entries()) {
    const issue = validateFeedbackItem(item, list.issuedOn)[0];
    if (issue) return `第 ${i + 1} 个问题（${item.number}）：${issue.message}`;
  }
  return null;
}

/**
 * The town's items the county may press on (督办): open and past their deadline on `today`,
 * longest overdue first; an item already pressed by an earlier list (or this one) is left out.
 */
export function pressable(
  problems: readonly Problem[],
  today: string,
  alreadyPressed: ReadonlySet<string>,
): Problem[] {
  return problems
    .filter(
      (p) =>
        isLive(p) &&
        !alreadyPressed.has(p.id) &&
        deadlineState(p.status, p.deadline, today) === 'overdue',
    )
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.number.localeCompare(b.number));
}

/** A pressed item's text: which of the town's items, how long overdue, and what is wanted. */
export function pressItem(
  problem: Problem,
  villageName: string,
  today: string,
  input: { id: string; number: string },
): FeedbackItem {
  const late = daysBetween(problem.deadline, today);
  return {
    id: input.id,
    number: input.number,
    villageName,
    category: problem.category,
    place: problem.place,
    description: `【督办】贵镇 ${problem.number}：${problem.description}`.slice(
      0,
      FEEDBACK_LIMITS.description,
    ),
    requirement: `已超过整改时限（${problem.deadline}）${late} 天，请抓紧整改并报送整改情况。`,
    responsible: problem.responsiblePerson,
    deadline: addDays(today, DEFAULT_PRESS_DAYS),
    presses: { problemId: problem.id, number: problem.number },
  };
}

/** The sheet's columns: headers the town's import recognises (shared/domain/countyImport.ts). */
export const FEEDBACK_SHEET_HEADERS = [
  '序号',
  '问题编号',
  '批次',
  '所在村',
  '问题类别',
  '具体位置',
  '问题描述',
  '整改要求',
  '整改责任人',
  '交办日期',
  '整改时限',
] as const;

export type SheetValue = string | number | { date: string } | null;

/**
 * The list as the county's spreadsheet: a title, a line naming the town and batch, the header,
 * one row per item, a total row and a note — as county lists arrive, which the town's import
 * reads past (it finds the header and skips the total and the note).
 */
export function feedbackSheet(
  county: string,
  list: FeedbackList,
): { titleRows: string[][]; rows: SheetValue[][] } {
  const rows: SheetValue[][] = list.items.map((item, i) => [
    i + 1,
    item.number,
    list.batch,
    item.villageName,
    item.category,
    item.place,
    item.description,
    item.requirement,
    item.responsible,
    { date: list.issuedOn },
    { date: item.deadline },
  ]);
  const blank = (n: number) => Array.from({ length: n }, () => null);
  const width = FEEDBACK_SHEET_HEADERS.length;
  rows.push(['合计', `共 ${list.items.length} 个问题`, ...blank(width - 2)]);
  rows.push([
    '注：请按整改时限完成整改，逐项报送整改情况；问题编号为县里的编号，导入台账时保留。',
    ...blank(width - 1),
  ]);
  return {
    titleRows: [
      [`${county}生态环境督查反馈清单`],
      [`乡镇：${list.townName}\u3000批次：${list.batch}\u3000交办日期：${list.issuedOn}`],
    ],
    rows,
  };
}

/** The file names the county hands over: 督查反馈清单-青山镇-江北县环督〔2026〕12号.xlsx. */
export function feedbackFileName(list: FeedbackList, extension: 'xlsx' | 'zip'): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|]/g, '-');
  return `督查反馈清单-${safe(list.townName)}-${safe(list.batch)}.${extension}`;
}
