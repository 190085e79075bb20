import { isValidIsoDate } from './dates';
import { deadlineState, type ProblemSource, type ProblemStatus } from './ledger';
import type { Problem } from './problem';
import { charLength, cleanText } from './validation';

/** What the ledger grid shows: every field empty or false means "all". */
export interface LedgerFilter {
  source: ProblemSource | '';
  /** 'open' = not yet ended (待整改, 整改中, 申请销号). */
  status: ProblemStatus | '' | 'open';
  villageId: string;
  category: string;
  overdueOnly: boolean;
  supervisedOnly: boolean;
  /** Found on or after / on or before (ISO dates; '' for no bound). */
  foundFrom: string;
  foundTo: string;
  /**
   * Words to find in the number, description, place, responsible person, or the upper level's
   * number, batch and requirement.
   */
  text: string;
}

export const DEFAULT_LEDGER_FILTER: LedgerFilter = {
  source: '',
  status: 'open',
  villageId: '',
  category: '',
  overdueOnly: false,
  supervisedOnly: false,
  foundFrom: '',
  foundTo: '',
  text: '',
};

/** Whether an item passes the filter on `today` (overdue is computed, never stored). */
export function matchesFilter(p: Problem, f: LedgerFilter, today: string): boolean {
  if (p.deletedAt !== undefined) return false;
  if (f.source && p.source !== f.source) return false;
  if (f.status === 'open') {
    if (p.status === 'closed' || p.status === 'unfixable') return false;
  } else if (f.status && p.status !== f.status) return false;
  if (f.villageId && p.villageId !== f.villageId) return false;
  if (f.category && p.category !== f.category) return false;
  if (f.overdueOnly && deadlineState(p.status, p.deadline, today) !== 'overdue') return false;
  if (f.supervisedOnly && !p.supervised) return false;
  if (isValidIsoDate(f.foundFrom) && p.foundOn < f.foundFrom) return false;
  if (isValidIsoDate(f.foundTo) && p.foundOn > f.foundTo) return false;
  const words = cleanText(f.text).split(' ').filter(Boolean);
  if (words.length > 0) {
    const haystack = [
      p.number,
      p.description,
      p.place,
      p.responsiblePerson,
      p.countyNumber ?? '',
      p.batch ?? '',
      p.requirement ?? '',
    ].join(' ');
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

/** A named filter the office keeps (e.g. "本月县级反馈"), stored in the settings. */
export interface SavedView {
  name: string;
  filter: LedgerFilter;
}

/**
 * Saves a view under its name, replacing one of the same name; names are 1–20 characters.
 * Returns the new list, or a Chinese message.
 */
export function saveView(
  views: readonly SavedView[],
  name: string,
  filter: LedgerFilter,
): SavedView[] | string {
  const clean = cleanText(name);
  if (clean === '') return '请给视图起个名字。';
  if (charLength(clean) > 20) return '视图名称最多 20 个字。';
  const rest = views.filter((v) => v.name !== clean);
  return [...rest, { name: clean, filter: { ...filter } }].sort((a, b) =>
    a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** Reads stored views back, keeping only well-formed ones (a stored value is never trusted). */
export function parseViews(value: unknown): SavedView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v !== 'object' || v === null) return [];
    const { name, filter } = v as { name?: unknown; filter?: unknown };
    if (typeof name !== 'string' || typeof filter !== 'object' || filter === null) return [];
    return [{ name, filter: { ...DEFAULT_LEDGER_FILTER, ...(filter as Partial<LedgerFilter>) } }];
  });
}
