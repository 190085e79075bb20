import { textCounter } from '@shared/domain/textLimits';

/**
 * A text field's error state and helper text: the reason it was refused, else the count of
 * characters once it nears its limit (marked as an error when over it).
 */
export function limitHelp(
  text: string,
  max: number | undefined,
  error?: string | null,
): { error: boolean; helperText: string | undefined } {
  const counter = max === undefined ? null : textCounter(text, max);
  const parts = [error, counter?.text].filter(Boolean);
  return {
    error: Boolean(error) || Boolean(counter?.over),
    helperText: parts.length > 0 ? parts.join('　') : undefined,
  };
}
