import type { BaseRecord } from './record';
import { requireText, type ValidationIssue, cleanText } from './validation';

/** The one town this installation belongs to (a singleton record). */
export interface Town extends BaseRecord {
  name: string;
  county: string;
  /** The year's campaign names, e.g. 勇做减法助推人居环境大提升. */
  campaigns: string[];
}

export const TOWN_ID = 'town';
export const TOWN_NAME_MAX = 20;
export const COUNTY_NAME_MAX = 20;
export const OPERATOR_NAME_MAX = 20;

export interface TownForm {
  name: string;
  county: string;
  campaigns?: string[];
}

export function validateTown(form: TownForm): ValidationIssue[] {
  const issues = [
    requireText(form.name, 'name', '乡镇名称', TOWN_NAME_MAX),
    requireText(form.county, 'county', '所属县（区）', COUNTY_NAME_MAX),
  ];
  return issues.filter((issue): issue is ValidationIssue => issue !== null);
}

export function normalizeTown(form: TownForm): TownForm {
  return {
    name: cleanText(form.name),
    county: cleanText(form.county),
    campaigns: (form.campaigns ?? []).map(cleanText).filter((c) => c.length > 0),
  };
}

export function validateOperatorName(name: string): ValidationIssue[] {
  const issue = requireText(name, 'operator', '操作员姓名', OPERATOR_NAME_MAX);
  return issue ? [issue] : [];
}
