/** One problem with user input, already worded for the user (zh-CN). */
export interface ValidationIssue {
  /** The field or column it concerns, e.g. "name"; row numbers are 1-based when present. */
  field: string;
  row?: number;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function ok<T>(value: T): Validated<T> {
  return { ok: true, value };
}

export function fail<T = never>(...issues: ValidationIssue[]): Validated<T> {
  return { ok: false, issues };
}

/** Counts characters as a person does: one per Chinese character, not per UTF-16 unit. */
export function charLength(text: string): number {
  return Array.from(text).length;
}

/** Trims and folds full-width spaces, which a pasted Chinese list often contains. */
export function cleanText(text: string): string {
  return text.replace(/\u3000/g, ' ').trim();
}

export function requireText(
  value: string,
  field: string,
  label: string,
  maxLength: number,
): ValidationIssue | null {
  const text = cleanText(value);
  if (text.length === 0) return { field, message: `${label}不能为空。` };
  if (charLength(text) > maxLength) {
    return { field, message: `${label}最多 ${maxLength} 个字，现在是 ${charLength(text)} 个字。` };
  }
  return null;
}
