import { checkText, TEXT_LIMITS } from './textLimits';
import { checkDate, isValidIsoDate, type DateBounds } from './dates';
import { addDays } from './period';
import { cleanText } from './validation';

/**
 * The rectification ledger's rules (DOMAIN.md §4): sources, numbering, the workflow as a state
 * machine, and deadlines. Overdue is computed from the deadline and today, never stored.
 */
export const PROBLEM_SOURCES = ['upper', 'town', 'village', 'public'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

export const SOURCE_LABELS: Record<ProblemSource, string> = {
  upper: '上级督查反馈',
  town: '镇级督查发现',
  village: '村级自查上报',
  public: '群众申诉反映',
};

/** The default short code of each source in a problem number: 2026-镇督-0042. Configurable. */
export const DEFAULT_SOURCE_CODES: Record<ProblemSource, string> = {
  upper: '上督',
  town: '镇督',
  village: '村查',
  public: '群诉',
};

export type ProblemStatus = 'pending' | 'inProgress' | 'closeRequested' | 'closed' | 'unfixable';

export const STATUS_LABELS: Record<ProblemStatus, string> = {
  pending: '待整改',
  inProgress: '整改中',
  closeRequested: '申请销号',
  closed: '已销号',
  unfixable: '无法整改',
};

/** `2026-镇督-0042`: year, source code, a sequence never reused within the year and source. */
export function problemNumber(year: number, code: string, sequence: number): string {
  return `${year}-${code}-${String(sequence).padStart(4, '0')}`;
}

/** The next sequence for a year and source code, given every number ever issued (deleted too). */
export function nextSequence(issued: readonly string[], year: number, code: string): number {
  const prefix = `${year}-${code}-`;
  const used = issued
    .filter((n) => n.startsWith(prefix))
    .map((n) => Number(n.slice(prefix.length)));
  return used.length === 0 ? 1 : Math.max(...used.filter(Number.isFinite)) + 1;
}

export interface WorkflowState {
  status: ProblemStatus;
  measures: readonly { done: boolean }[];
  /** After-photos or documents proving the fix. */
  afterEvidence: number;
}

export type WorkflowEvent =
  | { type: 'start' }
  | { type: 'requestClose' }
  | { type: 'return'; reason: string }
  | {
      type: 'close';
      verifier: string;
      date: string;
      opinion: string;
      /** Closed as 已完成·长期坚持: the standing duty and its check interval (recheck.ts). */
      longTerm?: { duty: string; intervalDays: number } | undefined;
    }
  | { type: 'markUnfixable'; reason: string; approver: string };

export type TransitionResult = { ok: true; status: ProblemStatus } | { ok: false; message: string };

const refuse = (message: string): TransitionResult => ({ ok: false, message });

/**
 * 待整改 → 整改中 → 申请销号 → 已销号; 申请销号 can be returned (退回, with a reason) to 整改中;
 * any open state can end as 无法整改 with a reason and an approver. Everything else is refused,
 * with the reason in Chinese.
 */
/** `past` bounds the date of a 销号 (it happened: not in the future, not long before set-up). */
export function transition(
  state: WorkflowState,
  event: WorkflowEvent,
  past?: DateBounds,
): TransitionResult {
  const from = state.status;
  const illegal = () => refuse(`“${STATUS_LABELS[from]}”的问题不能${EVENT_LABELS[event.type]}。`);
  switch (event.type) {
    case 'start':
      return from === 'pending' ? { ok: true, status: 'inProgress' } : illegal();
    case 'requestClose': {
      if (from !== 'inProgress') return illegal();
      if (state.measures.length === 0) return refuse('还没有填写整改措施，不能申请销号。');
      const open = state.measures.filter((m) => !m.done).length;
      if (open > 0) return refuse(`还有 ${open} 项整改措施没有完成，不能申请销号。`);
      if (state.afterEvidence === 0)
        return refuse('申请销号需要至少一张整改后的照片或一份证明材料。');
      return { ok: true, status: 'closeRequested' };
    }
    case 'return':
      if (from !== 'closeRequested') return illegal();
      return cleanText(event.reason).length < 4
        ? refuse('退回需要写明原因（至少 4 个字）。')
        : (overLong([['退回原因', event.reason, TEXT_LIMITS.reason]]) ?? {
            ok: true,
            status: 'inProgress',
          });
    case 'close':
      if (from !== 'closeRequested') return illegal();
      if (cleanText(event.verifier) === '')
        return refuse('销号需要写明现场验收人（谁验收、谁负责）。');
      {
        const problem = checkDate('验收日期', event.date, past);
        if (problem) return refuse(problem);
      }
      if (cleanText(event.opinion) === '') return refuse('销号需要填写验收意见。');
      return (
        overLong([
          ['验收人', event.verifier, TEXT_LIMITS.person],
          ['验收意见', event.opinion, TEXT_LIMITS.opinion],
        ]) ?? { ok: true, status: 'closed' }
      );
    case 'markUnfixable':
      if (from === 'closed' || from === 'unfixable') return illegal();
      if (cleanText(event.reason).length < 4)
        return refuse('无法整改需要写明原因（至少 4 个字）。');
      if (cleanText(event.approver) === '') return refuse('无法整改需要写明批准人。');
      return (
        overLong([
          ['原因', event.reason, TEXT_LIMITS.reason],
          ['批准人', event.approver, TEXT_LIMITS.person],
        ]) ?? { ok: true, status: 'unfixable' }
      );
  }
}

/** The first text over its limit, refused; undefined when all fit. */
function overLong(
  texts: [label: string, text: string, max: number][],
): TransitionResult | undefined {
  for (const [label, text, max] of texts) {
    const problem = checkText(label, text, max);
    if (problem) return refuse(problem);
  }
  return undefined;
}

const EVENT_LABELS: Record<WorkflowEvent['type'], string> = {
  start: '开始整改',
  requestClose: '申请销号',
  return: '退回',
  close: '销号',
  markUnfixable: '标为无法整改',
};

/**
 * The measures and photos a 销号 was asked on are what the verifier checks: from 申请销号 on
 * (and after 已销号 or 无法整改) they stay as they were, until the request is sent back (退回 →
 * 整改中). Null while they may change, else why not.
 */
export function checkEvidenceChange(status: ProblemStatus): string | null {
  switch (status) {
    case 'closeRequested':
      return '已申请销号，整改措施和照片不能再修改；如需修改，请由验收人先“退回”。';
    case 'closed':
      return '已销号的问题不能再修改整改措施和照片。';
    case 'unfixable':
      return '已认定无法整改的问题不能再修改整改措施和照片。';
    default:
      return null;
  }
}

export type DeadlineState = 'done' | 'overdue' | 'dueSoon' | 'onTime';

export const DUE_SOON_DAYS = 3;

/**
 * Overdue: past the deadline and not closed. Due soon: the deadline is within 3 days (today
 * counts). Closed and unfixable items are done, whatever their deadline.
 */
export function deadlineState(
  status: ProblemStatus,
  deadline: string,
  today: string,
): DeadlineState {
  if (status === 'closed' || status === 'unfixable') return 'done';
  if (today > deadline) return 'overdue';
  if (addDays(today, DUE_SOON_DAYS) >= deadline) return 'dueSoon';
  return 'onTime';
}

/** A deadline extension: only later than the current deadline, only with a reason. */
export function checkExtension(current: string, next: string, reason: string): string | null {
  if (!isValidIsoDate(next)) return `新的整改时限“${next}”不是有效的日期。`;
  if (next <= current) return '延期后的时限应晚于当前时限。';
  if (cleanText(reason).length < 4) return '延期需要写明理由（至少 4 个字）。';
  return checkText('延期理由', reason, TEXT_LIMITS.reason);
}

/**
 * Upper-level feedback asks for progress reports every `intervalDays` (e.g. 7): the next one is
 * due `intervalDays` after the last report, or after the day the problem was received.
 */
export function nextReportDue(
  received: string,
  reports: readonly string[],
  intervalDays: number,
): string {
  const last = [...reports].sort().at(-1) ?? received;
  return addDays(last, intervalDays);
}

const NUMBER = /^(\d{4})-(.+)-(\d+)$/;

/**
 * Two PCs of one office number their new items independently, so both may issue
 * 2026-镇督-0005. When one PC's items arrive at the other, every number must still name one item:
 * an item here keeps its number, and an arriving one whose number another item holds gets the
 * next free number of its year and source (the old one stays in its history). `arriving` are the
 * items an import writes (new ones and changed ones, by id), `local` every item here, deleted
 * ones too (a number is never reused). Returns the new number for each renumbered id.
 */
export function renumberClashes(
  local: readonly { id: string; number: string }[],
  arriving: readonly { id: string; number: string }[],
): Map<string, string> {
  const holder = new Map<string, string>();
  for (const p of local) holder.set(p.number, p.id);
  // The arriving items' numbers replace their own old ones here.
  const arrivingIds = new Set(arriving.map((p) => p.id));
  for (const [number, id] of [...holder]) if (arrivingIds.has(id)) holder.delete(number);
  const issued = new Set([...local.map((p) => p.number), ...arriving.map((p) => p.number)]);
  const renumbered = new Map<string, string>();
  // Items already here keep their numbers first; then the new ones, in the order they come.
  const byId = new Map(local.map((p) => [p.id, p.number] as const));
  const order = [...arriving].sort((a, b) => Number(!byId.has(a.id)) - Number(!byId.has(b.id)));
  for (const p of order) {
    const taken = holder.get(p.number);
    if (taken === undefined || taken === p.id) {
      holder.set(p.number, p.id);
      continue;
    }
    const m = NUMBER.exec(p.number);
    const year = m ? Number(m[1]) : new Date().getFullYear();
    const code = m ? m[2]! : '其他';
    const next = problemNumber(year, code, nextSequence([...issued], year, code));
    issued.add(next);
    holder.set(next, p.id);
    renumbered.set(p.id, next);
  }
  return renumbered;
}
