import type { BaseRecord } from './record';
import { charLength, cleanText, requireText, type ValidationIssue } from './validation';

/** The roles a person can hold (DOMAIN.md §2); one person may hold several. */
export const PERSON_ROLES = [
  'townLeader',
  'villageCadre',
  'townRiverChief',
  'villageRiverChief',
  'forestChief',
  'publicWelfareRanger',
  'ecologicalRanger',
  'gridMember',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  townLeader: '镇领导',
  villageCadre: '村干部',
  townRiverChief: '镇级河长',
  villageRiverChief: '村级河长',
  forestChief: '林长',
  publicWelfareRanger: '公益护林员',
  ecologicalRanger: '生态护林员',
  gridMember: '网格员',
};

/** Place in the 生态环境保护工作领导小组. */
export const GROUP_POSITIONS = ['head', 'deputy', 'member'] as const;
export type GroupPosition = (typeof GROUP_POSITIONS)[number];
export const GROUP_POSITION_LABELS: Record<GroupPosition, string> = {
  head: '组长',
  deputy: '副组长',
  member: '成员',
};

export interface Person extends BaseRecord {
  name: string;
  /** 职务, e.g. 镇党委书记, 村党支部书记. */
  title: string;
  phone: string;
  /** The village the person belongs to (cadres, village chiefs, rangers); none for town staff. */
  villageId?: string | undefined;
  roles: PersonRole[];
  groupPosition?: GroupPosition | undefined;
}

export const PERSON_NAME_MAX = 20;
export const PERSON_TITLE_MAX = 30;

export interface PersonForm {
  name: string;
  title: string;
  phone: string;
  villageId?: string | undefined;
  roles: PersonRole[];
  groupPosition?: GroupPosition | undefined;
}

const PHONE = /^[0-9+\-\s()]{0,20}$/;
const VILLAGE_ROLES: readonly PersonRole[] = [
  'villageCadre',
  'villageRiverChief',
  'publicWelfareRanger',
  'ecologicalRanger',
];

export function validatePerson(form: PersonForm): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nameIssue = requireText(form.name, 'name', '姓名', PERSON_NAME_MAX);
  if (nameIssue) issues.push(nameIssue);
  if (charLength(cleanText(form.title)) > PERSON_TITLE_MAX) {
    issues.push({ field: 'title', message: `职务最多 ${PERSON_TITLE_MAX} 个字。` });
  }
  if (!PHONE.test(form.phone.trim())) {
    issues.push({ field: 'phone', message: '联系电话只能包含数字、空格、“-”和“+”。' });
  }
  if (form.roles.length === 0) {
    issues.push({ field: 'roles', message: '请至少选择一个身份。' });
  }
  if (new Set(form.roles).size !== form.roles.length) {
    issues.push({ field: 'roles', message: '身份重复。' });
  }
  const needsVillage = form.roles.filter((role) => VILLAGE_ROLES.includes(role));
  if (needsVillage.length > 0 && !form.villageId) {
    const labels = needsVillage.map((role) => PERSON_ROLE_LABELS[role]).join('、');
    issues.push({ field: 'villageId', message: `${labels}需要选择所在村。` });
  }
  return issues;
}

export function normalizePerson(form: PersonForm): PersonForm {
  return {
    ...form,
    name: cleanText(form.name),
    title: cleanText(form.title),
    phone: form.phone.trim(),
    roles: PERSON_ROLES.filter((role) => form.roles.includes(role)),
  };
}

/** The leading group in its printed order: 组长, then 副组长, then 成员, each by name. */
export function leadingGroup<T extends Pick<Person, 'name' | 'groupPosition' | 'deletedAt'>>(
  people: readonly T[],
): T[] {
  const rank = (p: T) => GROUP_POSITIONS.indexOf(p.groupPosition as GroupPosition);
  return people
    .filter((p) => p.groupPosition !== undefined && p.deletedAt === undefined)
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Rangers counted by type, as the year-end summary reports them (*名公益护林员、*名生态护林员). */
export function countByRole(
  people: readonly Pick<Person, 'roles' | 'deletedAt'>[],
): Record<PersonRole, number> {
  const counts = Object.fromEntries(PERSON_ROLES.map((role) => [role, 0])) as Record<
    PersonRole,
    number
  >;
  for (const person of people) {
    if (person.deletedAt !== undefined) continue;
    for (const role of person.roles) counts[role] += 1;
  }
  return counts;
}

/** A village cadre whose post is the village's (party branch) secretary, not a deputy. */
export function isVillageSecretary(p: Pick<Person, 'roles' | 'title' | 'villageId'>): boolean {
  return (
    p.villageId !== undefined &&
    p.roles.includes('villageCadre') &&
    /书记/.test(p.title) &&
    !/副书记/.test(p.title)
  );
}
