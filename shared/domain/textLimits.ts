import { charLength, cleanText } from './validation';

/**
 * How long each free text may be, fitted to its use: a note that fits its line on the printed
 * 考评报告单, a progress note of a paragraph, a reason of a few sentences. The forms show a
 * counter as a text nears its limit; the repositories refuse what is over it (never cut it off).
 */
export const TEXT_LIMITS = {
  /** 扣分情况说明 (printed on the 考评报告单, one line per deduction). */
  deductionNote: 200,
  /** 扣分地点. */
  deductionPlace: 50,
  /** 加分理由. */
  bonusReason: 100,
  /** 整改措施, one measure. */
  measure: 200,
  /** 进展情况, one note. */
  progress: 500,
  /** 验收意见. */
  opinion: 200,
  /** 验收人, 批准人: a name or two. */
  person: 20,
  /** 退回、延期、无法整改、作废、更正的原因. */
  reason: 200,
  /** 后续事项的完成情况. */
  doneNote: 200,
} as const;

export type TextLimit = keyof typeof TEXT_LIMITS;

/** Why a text cannot be saved (empty when required, or over its limit), or null. */
export function checkText(
  label: string,
  text: string,
  max: number,
  { required = false }: { required?: boolean } = {},
): string | null {
  const clean = cleanText(text);
  if (required && clean === '') return `请填写${label}。`;
  const n = charLength(clean);
  return n > max ? `${label}最多 ${max} 个字，现在是 ${n} 个字。` : null;
}

/**
 * What a form shows under a text field: nothing while far from the limit, the count as it
 * nears it (`180/200`), and the count marked as an error once over.
 */
export function textCounter(text: string, max: number): { text: string; over: boolean } | null {
  const n = charLength(cleanText(text));
  if (n < max * 0.8) return null;
  return { text: `${n}/${max}`, over: n > max };
}

/** The fewest characters a reason must have (a 更正, 作废, 退回 says why in words, not "x"). */
export const REASON_MIN = 4;

/**
 * Why the reason of a step (更正, 作废 …) cannot be saved, or null: at least 4 characters (when
 * the step needs a reason) and at most the reason's limit. `lead` opens the message when it is
 * too short, `example` is a reason that would do.
 */
export function checkReason(
  step: string,
  reason: string,
  {
    required = true,
    lead = `${step}需要写明原因`,
    example,
  }: { required?: boolean; lead?: string; example?: string } = {},
): string | null {
  const n = charLength(cleanText(reason));
  if (required && n < REASON_MIN)
    return `${lead}（至少 ${REASON_MIN} 个字）${example ? `，例如“${example}”` : ''}。`;
  if (n > TEXT_LIMITS.reason) return `${step}原因最多 ${TEXT_LIMITS.reason} 个字。`;
  return null;
}
