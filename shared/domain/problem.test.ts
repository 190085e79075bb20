import { describe, expect, it } from 'vitest';
import { validateProblemForm, type ProblemForm } from './problem';

const form: ProblemForm = {
  source: 'town',
  category: '人居环境',
  villageId: 'v1',
  place: '二组村口',
  description: '沟渠旁积存建筑垃圾约 3 方',
  foundOn: '2026-05-01',
  deadline: '2026-05-16',
  responsiblePerson: '张三',
  responsibleLeader: '王副镇长',
};

describe('validateProblemForm', () => {
  it('accepts a complete town-inspection item', () => {
    expect(validateProblemForm(form)).toEqual([]);
  });
  it('asks upper-level feedback for its level and a complaint for its channel', () => {
    expect(validateProblemForm({ ...form, source: 'upper' }).map((i) => i.field)).toEqual([
      'upperLevel',
    ]);
    expect(validateProblemForm({ ...form, source: 'public' }).map((i) => i.field)).toEqual([
      'channel',
    ]);
  });
  it('refuses an impossible date and a deadline before the finding', () => {
    expect(validateProblemForm({ ...form, foundOn: '2026-02-30' })[0]?.message).toBe(
      '发现日期“2026-02-30”不存在：2026年2月只有 28 天。',
    );
    // Found in the future, or a century ago: refused once bounded (today 2026-12-02).
    const past = { today: '2026-12-02', earliest: '2016-06-15' };
    expect(
      validateProblemForm({ ...form, foundOn: '2027-06-01', deadline: '2027-07-01' }, past)[0]
        ?.message,
    ).toBe('发现日期“2027-06-01”还没到（今天是 2026-12-02），请核对。');
    expect(validateProblemForm({ ...form, foundOn: '1900-01-01' }, past)[0]?.message).toBe(
      '发现日期“1900-01-01”太早（早于 2016-06-15），请核对。',
    );
    expect(validateProblemForm({ ...form, deadline: '2026-04-30' })[0]?.message).toBe(
      '整改时限不能早于发现日期。',
    );
  });
  it('needs a description and a responsible person', () => {
    expect(
      validateProblemForm({ ...form, description: ' ', responsiblePerson: '' }).map((i) => i.field),
    ).toEqual(['description', 'responsiblePerson']);
  });
});
