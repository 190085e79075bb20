import { describe, expect, it } from 'vitest';
import {
  checkEvidenceChange,
  checkExtension,
  deadlineState,
  nextReportDue,
  nextSequence,
  problemNumber,
  renumberClashes,
  transition,
  type WorkflowState,
} from './ledger';

const state = (
  status: WorkflowState['status'],
  measures = [{ done: true }],
  afterEvidence = 1,
): WorkflowState => ({
  status,
  measures,
  afterEvidence,
});

describe('problem numbers', () => {
  it('formats 2026-镇督-0042 and never reuses a number: after 0001, 0002 and a deleted 0003 comes 0004', () => {
    expect(problemNumber(2026, '镇督', 42)).toBe('2026-镇督-0042');
    const issued = [
      '2026-镇督-0001',
      '2026-镇督-0002',
      '2026-镇督-0003',
      '2025-镇督-0009',
      '2026-群诉-0007',
    ];
    expect(nextSequence(issued, 2026, '镇督')).toBe(4);
    expect(nextSequence(issued, 2026, '村查')).toBe(1);
  });
});

describe('transition', () => {
  it('walks 待整改 → 整改中 → 申请销号 → 已销号', () => {
    expect(transition(state('pending'), { type: 'start' })).toEqual({
      ok: true,
      status: 'inProgress',
    });
    expect(transition(state('inProgress'), { type: 'requestClose' })).toEqual({
      ok: true,
      status: 'closeRequested',
    });
    expect(
      transition(state('closeRequested'), {
        type: 'close',
        verifier: '李干事',
        date: '2026-05-08',
        opinion: '已清理到位',
      }),
    ).toEqual({
      ok: true,
      status: 'closed',
    });
  });

  it('returns 申请销号 to 整改中 only with a reason', () => {
    expect(transition(state('closeRequested'), { type: 'return', reason: '现场仍有垃圾' })).toEqual(
      { ok: true, status: 'inProgress' },
    );
    expect(transition(state('closeRequested'), { type: 'return', reason: '不行' })).toEqual({
      ok: false,
      message: '退回需要写明原因（至少 4 个字）。',
    });
  });

  it('refuses to request close-out with 1 of 3 measures open, or without after-evidence', () => {
    const measures = [{ done: true }, { done: false }, { done: true }];
    expect(transition(state('inProgress', measures), { type: 'requestClose' })).toEqual({
      ok: false,
      message: '还有 1 项整改措施没有完成，不能申请销号。',
    });
    expect(transition(state('inProgress', [{ done: true }], 0), { type: 'requestClose' })).toEqual({
      ok: false,
      message: '申请销号需要至少一张整改后的照片或一份证明材料。',
    });
  });

  it('refuses a close-out without a verifier or with an impossible date', () => {
    expect(
      transition(state('closeRequested'), {
        type: 'close',
        verifier: ' ',
        date: '2026-05-08',
        opinion: '好',
      }),
    ).toMatchObject({ ok: false });
    expect(
      transition(state('closeRequested'), {
        type: 'close',
        verifier: '李',
        date: '2026-02-30',
        opinion: '好',
      }),
    ).toEqual({
      ok: false,
      message: '验收日期“2026-02-30”不存在：2026年2月只有 28 天。',
    });
    expect(
      transition(state('closeRequested'), {
        type: 'close',
        verifier: '李',
        date: '',
        opinion: '好',
      }),
    ).toEqual({ ok: false, message: '请填写验收日期。' });
  });

  it('refuses illegal moves: closing a pending item, starting a closed one, returning an item in progress', () => {
    expect(
      transition(state('pending'), {
        type: 'close',
        verifier: '李',
        date: '2026-05-08',
        opinion: '好',
      }),
    ).toEqual({
      ok: false,
      message: '“待整改”的问题不能销号。',
    });
    expect(transition(state('closed'), { type: 'start' })).toMatchObject({ ok: false });
    expect(
      transition(state('inProgress'), { type: 'return', reason: '现场仍有垃圾' }),
    ).toMatchObject({ ok: false });
  });

  it('ends an open item as 无法整改 with a reason and an approver, kept apart from 已销号', () => {
    expect(
      transition(state('inProgress'), {
        type: 'markUnfixable',
        reason: '涉及跨县河道',
        approver: '王镇长',
      }),
    ).toEqual({
      ok: true,
      status: 'unfixable',
    });
    expect(
      transition(state('closed'), {
        type: 'markUnfixable',
        reason: '涉及跨县河道',
        approver: '王镇长',
      }),
    ).toMatchObject({ ok: false });
    expect(
      transition(state('pending'), { type: 'markUnfixable', reason: '涉及跨县河道', approver: '' }),
    ).toEqual({
      ok: false,
      message: '无法整改需要写明批准人。',
    });
  });
});

describe('checkEvidenceChange', () => {
  it('lets measures and photos change while 待整改 or 整改中, not from 申请销号 on until 退回', () => {
    expect(checkEvidenceChange('pending')).toBeNull();
    expect(checkEvidenceChange('inProgress')).toBeNull();
    expect(checkEvidenceChange('closeRequested')).toBe(
      '已申请销号，整改措施和照片不能再修改；如需修改，请由验收人先“退回”。',
    );
    expect(checkEvidenceChange('closed')).toBe('已销号的问题不能再修改整改措施和照片。');
    expect(checkEvidenceChange('unfixable')).toBe('已认定无法整改的问题不能再修改整改措施和照片。');
    // 退回 brings 申请销号 back to 整改中, where they may change again.
    const returned = transition(state('closeRequested'), {
      type: 'return',
      reason: '现场仍有残留',
    });
    expect(returned).toEqual({ ok: true, status: 'inProgress' });
    expect(checkEvidenceChange('inProgress')).toBeNull();
  });
});

describe('deadlineState (today 2026-05-10)', () => {
  const today = '2026-05-10';
  it.each([
    ['inProgress', '2026-05-09', 'overdue'], // yesterday
    ['inProgress', '2026-05-10', 'dueSoon'], // today
    ['pending', '2026-05-13', 'dueSoon'], // within 3 days
    ['pending', '2026-05-14', 'onTime'], // 4 days away
    ['closed', '2026-05-01', 'done'], // closed late: done, not overdue
    ['unfixable', '2026-05-01', 'done'],
  ] as const)('%s due %s → %s', (status, deadline, expected) => {
    expect(deadlineState(status, deadline, today)).toBe(expected);
  });
});

describe('checkExtension', () => {
  it('needs a later date and a reason', () => {
    expect(checkExtension('2026-05-10', '2026-05-20', '雨季无法施工')).toBeNull();
    expect(checkExtension('2026-05-10', '2026-05-10', '雨季无法施工')).toBe(
      '延期后的时限应晚于当前时限。',
    );
    expect(checkExtension('2026-05-10', '2026-05-20', '')).toBe(
      '延期需要写明理由（至少 4 个字）。',
    );
    expect(checkExtension('2026-05-10', '2026-06-31', '雨季无法施工')).toContain('不是有效的日期');
  });
});

describe('nextReportDue', () => {
  it('is 7 days after the last report, or after receipt: received 05-01 → 05-08; reported 05-06 → 05-13', () => {
    expect(nextReportDue('2026-05-01', [], 7)).toBe('2026-05-08');
    expect(nextReportDue('2026-05-01', ['2026-05-06', '2026-05-03'], 7)).toBe('2026-05-13');
  });
});

describe('renumberClashes (two PCs numbering independently)', () => {
  it('keeps the numbers here and gives an arriving item that clashes the next free number', () => {
    // Here: 0001–0004 (0004 deleted: still issued). PC2 made its own 0004 and 0005 meanwhile,
    // and changed our 0002 (same id, same number).
    const local = [
      { id: 'a', number: '2026-镇督-0001' },
      { id: 'b', number: '2026-镇督-0002' },
      { id: 'c', number: '2026-镇督-0003' },
      { id: 'd', number: '2026-镇督-0004' },
    ];
    const arriving = [
      { id: 'b', number: '2026-镇督-0002' },
      { id: 'x', number: '2026-镇督-0004' },
      { id: 'y', number: '2026-镇督-0005' },
      { id: 'z', number: '2026-村查-0001' },
    ];
    // x clashes with d → the next free after 0005 (issued over there) is 0006; y and z are free.
    expect([...renumberClashes(local, arriving)]).toEqual([['x', '2026-镇督-0006']]);
  });

  it('an item here that arrives with another number frees its old one', () => {
    // Our 0007 was renumbered over there to 0012; their new item took 0007.
    const local = [{ id: 'mine', number: '2026-镇督-0007' }];
    const arriving = [
      { id: 'theirs', number: '2026-镇督-0007' },
      { id: 'mine', number: '2026-镇督-0012' },
    ];
    expect(renumberClashes(local, arriving).size).toBe(0);
  });
});
