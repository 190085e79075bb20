import { describe, expect, it } from 'vitest';
import { countByRole, leadingGroup, validatePerson, type PersonForm } from './person';

const base: PersonForm = {
  name: '王建国',
  title: '镇党委书记',
  phone: '0939-1234567',
  roles: ['townLeader'],
};

describe('validatePerson', () => {
  it('accepts a town leader with no village', () => {
    expect(validatePerson(base)).toEqual([]);
  });
  it('refuses a blank name and no role, naming both fields', () => {
    const issues = validatePerson({ ...base, name: '  ', roles: [] });
    expect(issues.map((i) => i.field)).toEqual(['name', 'roles']);
    expect(issues[0]?.message).toBe('姓名不能为空。');
  });
  it('asks for the village of a ranger', () => {
    const issues = validatePerson({ ...base, roles: ['ecologicalRanger'] });
    expect(issues).toEqual([{ field: 'villageId', message: '生态护林员需要选择所在村。' }]);
  });
  it('refuses letters in a phone number', () => {
    expect(validatePerson({ ...base, phone: '138abc' })[0]?.field).toBe('phone');
  });
});

describe('leadingGroup', () => {
  it('orders 组长, 副组长, 成员 and leaves out the deleted and non-members', () => {
    const people = [
      { name: '成员甲', groupPosition: 'member' as const, deletedAt: undefined },
      { name: '镇长', groupPosition: 'deputy' as const, deletedAt: undefined },
      { name: '书记', groupPosition: 'head' as const, deletedAt: undefined },
      { name: '不在组', groupPosition: undefined, deletedAt: undefined },
      { name: '已删除', groupPosition: 'member' as const, deletedAt: '2026-01-01T00:00:00Z' },
    ];
    expect(leadingGroup(people).map((p) => p.name)).toEqual(['书记', '镇长', '成员甲']);
  });
});

describe('countByRole', () => {
  it('counts a person once per role held: 2 public-welfare rangers, 1 ecological ranger', () => {
    const counts = countByRole([
      { roles: ['publicWelfareRanger'], deletedAt: undefined },
      { roles: ['publicWelfareRanger', 'gridMember'], deletedAt: undefined },
      { roles: ['ecologicalRanger'], deletedAt: undefined },
      { roles: ['ecologicalRanger'], deletedAt: '2026-01-01T00:00:00Z' },
    ]);
    expect(counts.publicWelfareRanger).toBe(2);
    expect(counts.ecologicalRanger).toBe(1);
    expect(counts.gridMember).toBe(1);
    expect(counts.townLeader).toBe(0);
  });
});
