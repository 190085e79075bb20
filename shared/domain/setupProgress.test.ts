import { describe, expect, it } from 'vitest';
import type { Person } from './person';
import { setupProgress } from './setupProgress';
import type { Village } from './village';

const stamps = { createdAt: 't', updatedAt: 't', updatedBy: 'x', deletedAt: undefined };
const village = (id: string, secretary: string, leaderId?: string): Village => ({
  ...stamps,
  id,
  name: id,
  order: 1,
  secretary,
  contact: '',
  groups: [],
  leaderId,
});
const person = (id: string, roles: Person['roles'], extra: Partial<Person> = {}): Person => ({
  ...stamps,
  id,
  name: id,
  title: '',
  phone: '',
  roles,
  ...extra,
});

describe('setupProgress', () => {
  it('counts what is set up and what is missing', () => {
    const people = [
      person('书记', ['townLeader'], { groupPosition: 'head' }),
      person('护林员甲', ['publicWelfareRanger', 'villageRiverChief']),
      person('护林员乙', ['ecologicalRanger']),
      person('已删', ['townLeader'], { deletedAt: 't2' }),
    ];
    const villages = [
      village('甲村', '张三', '书记'), // complete
      village('乙村', '', '书记'), // no secretary
      village('丙村', '李四', '已删'), // leader deleted → counts as without leader
      { ...village('丁村', ''), deletedAt: 't3' }, // deleted: not counted
    ];
    expect(setupProgress({ villages, people, ruleDocuments: [] })).toEqual({
      villages: 3,
      villagesWithoutSecretary: 1,
      villagesWithoutLeader: 1,
      people: 3,
      townLeaders: 1,
      riverChiefs: 1,
      forestChiefs: 0,
      publicWelfareRangers: 1,
      ecologicalRangers: 1,
      leadingGroupMembers: 1,
      ruleDocuments: 0,
    });
  });
});
