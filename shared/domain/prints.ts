import { charLength } from './validation';
import type { PeriodResult, ResultRow } from './assessment';
import type { FlagColor } from './flags';
import {
  deadlineState,
  SOURCE_LABELS,
  STATUS_LABELS,
  type ProblemSource,
  type ProblemStatus,
} from './ledger';
import { DEFAULT_LEDGER_FILTER, type LedgerFilter } from './ledgerFilter';
import { daysBetween } from './period';
import type { Problem } from './problem';
import { entryPoints, type DeductionEntry } from './scoring';
import type { StandardVersion } from './standard';

/** The 红黄榜 of a flag period as announced: flags in force (red first), and red flags taken back. */
export function announcedFlags(rows: readonly ResultRow[]): {
  flags: { color: FlagColor; name: string; score: number; rank: number; reason: string }[];
  withdrawn: { name: string; reason: string }[];
} {
  return {
    flags: rows
      .filter((r) => r.flag !== null && !r.withdrawn)
      .map((r) => ({
        color: r.flag!,
        name: r.name,
        score: r.score,
        rank: r.rank,
        reason: r.flagReason,
      }))
      .sort((a, b) => (a.color === b.color ? a.rank - b.rank : a.color === 'red' ? -1 : 1)),
    withdrawn: rows
      .filter((r) => r.withdrawn)
      .map((r) => ({ name: r.name, reason: r.withdrawn!.reason })),
  };
}

/** One printed line of the ledger (台账). */
/**
 * How many characters make a printed row long: about a third of an A4 page in a table's text
 * column. A shorter row is kept whole on one page; a longer one may go on over a page break
 * (kept whole, it would leave the page before it almost empty).
 */
export const LONG_ROW_CHARS = 300;

/** Whether a printed row with these texts is long (see LONG_ROW_CHARS). */
export function isLongRow(...texts: (string | undefined)[]): boolean {
  return texts.reduce((n, t) => n + charLength(t ?? ''), 0) >= LONG_ROW_CHARS;
}

export interface LedgerPrintRow {
  number: string;
  /** The upper level's own number and demand, for its items. */
  countyNumber: string;
  requirement: string;
  source: string;
  village: string;
  category: string;
  place: string;
  description: string;
  foundOn: string;
  deadline: string;
  person: string;
  status: string;
  /** Days past the deadline on the print date; 0 when not overdue. */
  daysOverdue: number;
  supervised: boolean;
}

/** The ledger's lines for print, in number order, overdue counted on `today`. */
export function ledgerPrintRows(
  problems: readonly Problem[],
  nameOf: ReadonlyMap<string, string>,
  today: string,
): LedgerPrintRow[] {
  return problems
    .map((p) => ({
      number: p.number,
      countyNumber: p.countyNumber ?? '',
      requirement: p.requirement ?? '',
      source: SOURCE_LABELS[p.source],
      village: p.villageId ? (nameOf.get(p.villageId) ?? '') : '',
      category: p.category,
      place: p.place,
      description: p.description,
      foundOn: p.foundOn,
      deadline: p.deadline,
      person: p.responsiblePerson,
      status: STATUS_LABELS[p.status],
      daysOverdue:
        deadlineState(p.status, p.deadline, today) === 'overdue'
          ? daysBetween(p.deadline, today)
          : 0,
      supervised: p.supervised,
    }))
    .sort((a, b) => a.number.localeCompare(b.number));
}

/** The filter in words, for the printed ledger's subtitle: "来源：上级督查反馈；状态：未办结". */
export function describeFilter(f: LedgerFilter, nameOf: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  if (f.source) parts.push(`来源：${SOURCE_LABELS[f.source]}`);
  if (f.status === 'open') parts.push('状态：未办结');
  else if (f.status) parts.push(`状态：${STATUS_LABELS[f.status]}`);
  if (f.villageId) parts.push(`村：${nameOf.get(f.villageId) ?? ''}`);
  if (f.category) parts.push(`类别：${f.category}`);
  if (f.foundFrom || f.foundTo)
    parts.push(`发现日期：${f.foundFrom || '…'} 至 ${f.foundTo || '…'}`);
  if (f.overdueOnly) parts.push('仅逾期');
  if (f.supervisedOnly) parts.push('仅镇纪委督办');
  if (f.text.trim()) parts.push(`关键词：${f.text.trim()}`);
  return parts.length > 0 ? parts.join('；') : '全部问题';
}

const SOURCES = new Set<string>(Object.keys(SOURCE_LABELS));
const STATUSES = new Set<string>([...Object.keys(STATUS_LABELS), 'open', '']);

/** A filter read back from a print address: anything malformed falls back to "all open". */
export function filterFromQuery(text: string | null): LedgerFilter {
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : {};
  } catch {
    value = {};
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const str = (key: keyof LedgerFilter) =>
    typeof v[key] === 'string' ? v[key] : (DEFAULT_LEDGER_FILTER[key] as string);
  const source = str('source');
  const status = str('status');
  return {
    source: SOURCES.has(source) ? (source as ProblemSource) : '',
    status: STATUSES.has(status) ? (status as ProblemStatus | 'open' | '') : 'open',
    villageId: str('villageId'),
    category: str('category'),
    overdueOnly: v.overdueOnly === true,
    supervisedOnly: v.supervisedOnly === true,
    foundFrom: str('foundFrom'),
    foundTo: str('foundTo'),
    text: str('text'),
  };
}

/** One village's report card (村级考评报告单) for a month. */
export interface VillageReportCard {
  name: string;
  secretary: string;
  month: string;
  score: number | null;
  rank: number | null;
  villagesRanked: number;
  average: number | null;
  flag: FlagColor | null;
  flagReason: string;
  /** Last twelve months up to this one, oldest first. */
  history: { month: string; score: number | null; rank: number | null; flag: FlagColor | null }[];
  deductions: { code: string; title: string; count: number | null; points: number; note: string }[];
  openProblems: {
    number: string;
    category: string;
    description: string;
    deadline: string;
    status: string;
    daysOverdue: number;
  }[];
  closedThisMonth: number;
  foundThisMonth: number;
}

export function villageReportCard(input: {
  village: { id: string; name: string; secretary: string };
  month: string;
  /** Monthly results of the last twelve months up to `month` (any order). */
  results: readonly PeriodResult[];
  deductions: readonly (DeductionEntry & { note: string })[];
  /** The standard the month was scored against (for item titles and points). */
  standard: Pick<StandardVersion, 'categories' | 'items'> | undefined;
  problems: readonly Problem[];
  today: string;
}): VillageReportCard {
  const monthly = input.results
    .filter((r) => r.cadence === 'month' && r.id <= input.month)
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(-12);
  const rowIn = (r: PeriodResult | undefined) =>
    r?.rows.find((row) => row.villageId === input.village.id);
  const current = monthly.find((r) => r.id === input.month);
  const row = rowIn(current);
  const items = new Map((input.standard?.items ?? []).map((i) => [i.code, i]));
  const categoryPoints = new Map((input.standard?.categories ?? []).map((c) => [c.name, c.points]));
  const mine = input.problems.filter((p) => p.villageId === input.village.id && !p.deletedAt);
  return {
    name: input.village.name,
    secretary: input.village.secretary,
    month: input.month,
    score: row?.score ?? null,
    rank: row?.rank ?? null,
    villagesRanked: current?.rows.length ?? 0,
    average: current?.average ?? null,
    flag: row && !row.withdrawn ? row.flag : null,
    flagReason: row && !row.withdrawn ? row.flagReason : '',
    history: monthly.map((r) => {
      const h = rowIn(r);
      return {
        month: r.id,
        score: h?.score ?? null,
        rank: h?.rank ?? null,
        flag: h && !h.withdrawn ? h.flag : null,
      };
    }),
    deductions: input.deductions
      .flatMap((d) => {
        const item = items.get(d.itemCode);
        if (!item) return [];
        const points = entryPoints(item, d, categoryPoints.get(item.category) ?? 0).points;
        return points > 0
          ? [{ code: d.itemCode, title: item.title, count: d.count, points, note: d.note }]
          : [];
      })
      .sort((a, b) => a.code.localeCompare(b.code)),
    openProblems: mine
      .filter((p) => p.status !== 'closed' && p.status !== 'unfixable')
      .map((p) => ({
        number: p.number,
        category: p.category,
        description: p.description,
        deadline: p.deadline,
        status: STATUS_LABELS[p.status],
        daysOverdue:
          deadlineState(p.status, p.deadline, input.today) === 'overdue'
            ? daysBetween(p.deadline, input.today)
            : 0,
      }))
      .sort((a, b) => a.deadline.localeCompare(b.deadline)),
    closedThisMonth: mine.filter(
      (p) => p.status === 'closed' && p.verification?.date.slice(0, 7) === input.month,
    ).length,
    foundThisMonth: mine.filter((p) => p.foundOn.slice(0, 7) === input.month).length,
  };
}

/**
 * The basis a 红黄榜 notice cites: the town's own rule document on scoring (考评, 评比, 标准), its
 * latest; without one, the standard itself in words — never a title the town has not issued.
 */
export function noticeBasis(
  documents: readonly { title: string; issuedOn: string; deletedAt?: string | undefined }[],
): string {
  const scoring = documents
    .filter((d) => d.deletedAt === undefined && /考评|考核|评比|标准/.test(d.title))
    .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0];
  return scoring ? `《${scoring.title}》` : '本镇生态环境考评标准';
}
