import type { ValidationIssue } from '@shared/domain/validation';

/** Raised by a repository when input breaks a rule; nothing has been written. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly issues: ValidationIssue[],
    options?: ErrorOptions,
  ) {
    super(issues.map((issue) => issue.message).join(' '), options);
  }
}

export function assertValid(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new InputError(issues);
}

/** Refuses a write with one Chinese sentence (on a field, or on the whole form). */
export function refuse(message: string, field = ''): never {
  throw new InputError([{ field, message }]);
}
