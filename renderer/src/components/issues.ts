import type { ValidationIssue } from '@shared/domain/validation';
import { InputError } from '../db/errors';

/** The message for one field, for a TextField's helperText. */
export function fieldMessage(issues: ValidationIssue[], field: string): string | undefined {
  return issues.find((issue) => issue.field === field)?.message;
}

/** Issues from a failed save: a rule's own issues, or one general sentence. */
export function issuesOf(error: unknown): ValidationIssue[] {
  if (error instanceof InputError) return error.issues;
  console.error('[eco-desk]', error);
  return [{ field: '', message: '保存没有完成，已保存的数据没有改变。请重试。' }];
}
