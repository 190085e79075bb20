import { describe, expect, it } from 'vitest';
import {
  checkCorrection,
  checkVoid,
  formOf,
  validateProblemForm,
  type Problem,
  type ProblemForm,
} from './problem';

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

describe('correcting and voiding an item', () => {
  const item = (status: Problem['status']): Problem => ({
    id: 'p1',
    number: '2026-镇督-0001',
    ...form,
    status,
    originalDeadline: form.deadline,
    extensions: [],
    measures: [],
    progress: [],
    beforePhotos: [],
    afterPhotos: [],
    supervised: false,
    exposed: false,
    accountability: [],
    reports: [],
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-05-01T00:00:00.000Z',
    updatedBy: '张',
  });

  it('corrects a pending item freely, names what changed, refuses no change', () => {
    const pending = item('pending');
    expect(checkCorrection(pending, { ...form, place: '村口' }, '')).toEqual({
      issues: [],
      changed: ['place'],
    });
    expect(checkCorrection(pending, formOf(pending), '').issues[0]?.message).toBe(
      '没有改动：内容与现在相同。',
    );
  });

  it('once work has started: a reason, and the deadline only by 延期', () => {
    const started = item('inProgress');
    expect(
      checkCorrection(started, { ...form, description: '河道有漂浮垃圾和淤泥' }, '').issues,
    ).toEqual([{ field: 'reason', message: '开始整改后更正需要写明原因（至少 4 个字）。' }]);
    expect(
      checkCorrection(started, { ...form, description: '河道有漂浮垃圾和淤泥' }, '录入时漏写淤泥')
        .issues,
    ).toEqual([]);
    expect(
      checkCorrection(started, { ...form, deadline: '2026-12-31' }, '录入错误').issues[0]?.field,
    ).toBe('deadline');
  });

  it('voids with a reason; never a closed item', () => {
    expect(checkVoid(item('pending'), '重复')).toBe(
      '作废需要写明原因（至少 4 个字），例如“重复录入”。',
    );
    expect(checkVoid(item('inProgress'), '重复录入了')).toBeNull();
    expect(checkVoid(item('closed'), '重复录入了')).toBe('已销号或已认定无法整改的问题不能作废。');
  });
});
