import type { AttachmentKind } from './attachment';
import { isValidIsoDate } from './dates';
import type { BaseRecord } from './record';
import { requireText, type ValidationIssue } from './validation';

/** A town rule document (制度文件) kept as an attachment with its date. */
export interface RuleDocument extends BaseRecord {
  title: string;
  /** 印发日期 */
  issuedOn: string;
  fileName: string;
  kind: AttachmentKind;
  mime: string;
  size: number;
  /** Key of the file's bytes in the attachments store. */
  attachmentId: string;
}

/** The documents named in the town's summary, offered as titles to pick from. */
export const SUGGESTED_RULE_TITLES = [
  '人居环境整治实施方案',
  '环境整治五十条标准',
  '人居环境整治红黄旗制度',
  '人居环境整治考核奖惩办法',
] as const;

export const RULE_TITLE_MAX = 50;

export function validateRuleDocument(form: { title: string; issuedOn: string }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const titleIssue = requireText(form.title, 'title', '文件名称', RULE_TITLE_MAX);
  if (titleIssue) issues.push(titleIssue);
  if (form.issuedOn.trim() === '') {
    issues.push({ field: 'issuedOn', message: '请填写印发日期。' });
  } else if (!isValidIsoDate(form.issuedOn)) {
    issues.push({ field: 'issuedOn', message: `印发日期“${form.issuedOn}”不是有效的日期。` });
  }
  return issues;
}
