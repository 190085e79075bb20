import type { BaseRecord } from './record';
import { charLength, cleanText, type ValidationIssue } from './validation';

export interface Village extends BaseRecord {
  name: string;
  /** Display order in lists and tables (1-based). */
  order: number;
  /** 村党支部书记 */
  secretary: string;
  /** Contact phone or other contact of the village. */
  contact: string;
  /** 包村领导: the id of the town leader who covers this village. */
  leaderId?: string | undefined;
  /** 组/社 and 自然村 of the village, by name. */
  groups: string[];
}

export const DEFAULT_VILLAGE_COUNT = 27;
export const MAX_VILLAGE_COUNT = 200;
export const VILLAGE_NAME_MAX = 20;

/** Placeholder names the office renames: 村庄01 … 村庄27. */
export function placeholderVillageNames(count: number): string[] {
  const width = String(count).length < 2 ? 2 : String(count).length;
  return Array.from({ length: count }, (_, i) => `村庄${String(i + 1).padStart(width, '0')}`);
}

/** Checks one name against the others it must differ from. */
export function checkVillageName(
  raw: string,
  otherNames: readonly string[],
  row?: number,
): ValidationIssue | null {
  const name = cleanText(raw);
  const where = row === undefined ? '' : `第 ${row} 行：`;
  const base = { field: 'name', ...(row === undefined ? {} : { row }) };
  if (name.length === 0) return { ...base, message: `${where}村名不能为空。` };
  if (charLength(name) > VILLAGE_NAME_MAX) {
    return {
      ...base,
      message: `${where}村名“${name}”有 ${charLength(name)} 个字，最多 ${VILLAGE_NAME_MAX} 个字。`,
    };
  }
  if (otherNames.some((other) => cleanText(other) === name)) {
    return { ...base, message: `${where}村名“${name}”已经存在，村名不能重复。` };
  }
  return null;
}

export interface VillageListResult {
  names: string[];
  issues: ValidationIssue[];
}

/**
 * Validates a list of village names as entered, pasted or read from a file, row by row.
 * `firstRow` is the row number of the first entry (2 when the file has a header row).
 * Every bad row is reported; the list is usable only when `issues` is empty.
 */
export function validateVillageList(
  rawNames: readonly string[],
  options: { firstRow?: number; existing?: readonly string[] } = {},
): VillageListResult {
  const firstRow = options.firstRow ?? 1;
  const existing = options.existing ?? [];
  const issues: ValidationIssue[] = [];
  const names: string[] = [];
  const seenAt = new Map<string, number>();
  rawNames.forEach((raw, index) => {
    const row = firstRow + index;
    const name = cleanText(raw);
    const earlier = seenAt.get(name);
    if (name.length > 0 && earlier !== undefined) {
      issues.push({
        field: 'name',
        row,
        message: `第 ${row} 行：村名“${name}”与第 ${earlier} 行重复。`,
      });
      return;
    }
    const issue = checkVillageName(name, existing, row);
    if (issue) {
      issues.push(issue);
      return;
    }
    seenAt.set(name, row);
    names.push(name);
  });
  if (rawNames.length === 0) {
    issues.push({ field: 'name', message: '名单是空的：至少需要一个村。' });
  }
  if (names.length > MAX_VILLAGE_COUNT) {
    issues.push({ field: 'name', message: `村庄最多 ${MAX_VILLAGE_COUNT} 个。` });
  }
  return { names, issues };
}

/**
 * Splits pasted text into names: one per line; trailing blank lines are dropped (a paste often
 * ends with one), blank lines in between are kept so that they are reported with their row.
 */
export function splitPastedList(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && cleanText(lines[lines.length - 1] ?? '') === '') lines.pop();
  return lines;
}

export interface VillageForm {
  name: string;
  secretary: string;
  contact: string;
  leaderId?: string | undefined;
  groups: string[];
}

export const SECRETARY_NAME_MAX = 20;
export const CONTACT_MAX = 30;
export const GROUP_NAME_MAX = 20;

/** Checks a village's details; `otherNames` are the names of the town's other villages. */
export function validateVillageForm(
  form: VillageForm,
  otherNames: readonly string[],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nameIssue = checkVillageName(form.name, otherNames);
  if (nameIssue) issues.push(nameIssue);
  if (charLength(cleanText(form.secretary)) > SECRETARY_NAME_MAX) {
    issues.push({ field: 'secretary', message: `支部书记姓名最多 ${SECRETARY_NAME_MAX} 个字。` });
  }
  if (charLength(cleanText(form.contact)) > CONTACT_MAX) {
    issues.push({ field: 'contact', message: `联系方式最多 ${CONTACT_MAX} 个字。` });
  }
  const groups = form.groups.map(cleanText).filter((g) => g.length > 0);
  const long = groups.find((g) => charLength(g) > GROUP_NAME_MAX);
  if (long) issues.push({ field: 'groups', message: `组名“${long}”超过 ${GROUP_NAME_MAX} 个字。` });
  const duplicate = groups.find((g, i) => groups.indexOf(g) !== i);
  if (duplicate) issues.push({ field: 'groups', message: `组名“${duplicate}”重复。` });
  return issues;
}

export function normalizeVillageForm(form: VillageForm): VillageForm {
  return {
    name: cleanText(form.name),
    secretary: cleanText(form.secretary),
    contact: cleanText(form.contact),
    leaderId: form.leaderId || undefined,
    groups: form.groups.map(cleanText).filter((g) => g.length > 0),
  };
}

/** Groups typed one per line or separated by Chinese or Latin commas: 一组、二组, 三组 */
export function splitGroups(text: string): string[] {
  return text
    .split(/[\n,，、;；]/)
    .map(cleanText)
    .filter((g) => g.length > 0);
}
