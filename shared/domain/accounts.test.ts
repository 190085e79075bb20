import { describe, expect, it } from 'vitest';
import {
  checkAccountName,
  checkIdleMinutes,
  checkPassword,
  hashSecret,
  newRecoveryCode,
  normalizeRecoveryCode,
  rightLabelsFor,
  rightsOf,
  RIGHTS,
  ROLES,
  selfConfirm,
  verifySecret,
  type Account,
  accountForHistory,
} from './accounts';

// A low cost for tests: the algorithm is the same, the stored cost is what is checked.
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('rights of roles', () => {
  it('gives each role exactly the rights the issue names', () => {
    expect(rightsOf(['admin'])).toEqual(['setup', 'accounts', 'history']);
    expect(rightsOf(['office'])).toEqual([
      'assessment',
      'ledger',
      'patrols',
      'records',
      'prints',
      'handoff',
    ]);
    expect(rightsOf(['leader'])).toEqual(['prints', 'issue', 'approve', 'confirm']);
    // 纪委: 督办/约谈 and the history; nothing that edits the ledger's content.
    expect(rightsOf(['discipline'])).toEqual(['supervise', 'history']);
    expect(rightsOf(['discipline'])).not.toContain('ledger');
  });

  it('joins roles without repeating a right, in the list order', () => {
    expect(rightsOf(['leader', 'office'])).toEqual([
      'assessment',
      'ledger',
      'patrols',
      'records',
      'prints',
      'handoff',
      'issue',
      'approve',
      'confirm',
    ]);
    expect(rightsOf(['admin', 'office', 'leader', 'discipline'])).toEqual(
      RIGHTS.filter((r) => r !== 'complainant'),
    );
  });

  it('labels every role and right in Chinese', () => {
    for (const role of Object.values(ROLES)) expect(role.label).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});

describe('passwords', () => {
  it('stores a salted hash that verifies only the same password', async () => {
    const stored = await hashSecret('qingshan2026', CHEAP);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain('qingshan2026');
    expect(await verifySecret('qingshan2026', stored)).toBe(true);
    expect(await verifySecret('qingshan2027', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
    // The same password twice: two salts, two hashes.
    const again = await hashSecret('qingshan2026', CHEAP);
    expect(again.salt).not.toBe(stored.salt);
    expect(again.hash).not.toBe(stored.hash);
  });

  it('checks length, a repeated character and the repeat', () => {
    expect(checkPassword('12345', '12345')[0]?.message).toBe('密码至少 6 位。');
    expect(checkPassword('aaaaaaa', 'aaaaaaa')[0]?.message).toBe('密码不能是同一个字符重复。');
    expect(checkPassword('qs2026!', 'qs2026')[0]).toEqual({
      field: 'repeat',
      message: '两次输入的密码不一致，请重新输入。',
    });
    expect(checkPassword('qs2026!', 'qs2026!')).toEqual([]);
  });

  it('refuses an empty, a long or a taken account name', () => {
    expect(checkAccountName(' ', [])[0]?.message).toBe('请填写姓名。');
    expect(checkAccountName('一'.repeat(21), [])[0]?.message).toBe('姓名最多 20 个字。');
    expect(checkAccountName('张环保 ', ['张环保'])[0]?.message).toContain(
      '已经有名为“张环保”的账号',
    );
    expect(checkAccountName('李纪检', ['张环保'])).toEqual([]);
  });

  it('never puts a password or recovery hash into the history', async () => {
    const password = await hashSecret('qingshan2026', CHEAP);
    const account: Account = {
      id: 'a1',
      name: '张环保',
      roles: ['admin'],
      rights: ['setup'],
      password,
      recovery: password,
      createdAt: '2026-12-01T00:00:00.000Z',
      createdBy: '张环保',
      updatedAt: '2026-12-01T00:00:00.000Z',
    };
    const kept = JSON.stringify(accountForHistory(account));
    expect(kept).not.toContain(password.hash);
    expect(kept).not.toContain(password.salt);
    expect(kept).toContain('张环保');
  });
});

describe('recovery code', () => {
  it('is 6 groups of 4 readable characters, different each time', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){5}$/);
    expect(newRecoveryCode()).not.toBe(code);
  });

  it('reads a code typed in small letters, with spaces or without dashes', () => {
    expect(normalizeRecoveryCode('abcd efgh-jkmn pqrs tuvw xyz2')).toBe(
      'ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2',
    );
    expect(normalizeRecoveryCode('ABCDEFGHJKMNPQRSTUVWXYZ2')).toBe('ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2');
  });
});

describe('谁验收、谁负责', () => {
  const base = { actor: '张环保', allowed: false };
  it('lets anyone close an item someone else asked to close', () => {
    expect(
      selfConfirm({ ...base, requestedBy: '李干事', othersWhoMayConfirm: ['王镇长'] }),
    ).toEqual({ ok: true });
    expect(selfConfirm({ ...base, requestedBy: null, othersWhoMayConfirm: ['王镇长'] })).toEqual({
      ok: true,
    });
  });

  it('refuses an own request while another account may confirm, naming who may', () => {
    const answer = selfConfirm({
      ...base,
      requestedBy: '张环保',
      othersWhoMayConfirm: ['王镇长', '赵书记'],
    });
    expect(answer).toEqual({
      ok: false,
      message:
        '销号申请是您本人提出的，应由其他人验收（谁验收、谁负责）。可以验收的账号：王镇长、赵书记。',
    });
  });

  it('allows it in a one-person office, saying so for the history', () => {
    expect(selfConfirm({ ...base, requestedBy: '张环保', othersWhoMayConfirm: [] })).toEqual({
      ok: true,
      note: '申请人本人验收（本机没有其他可以验收销号的账号）',
    });
    expect(
      selfConfirm({
        ...base,
        allowed: true,
        requestedBy: '张环保',
        othersWhoMayConfirm: ['王镇长'],
      }),
    ).toEqual({ ok: true, note: '申请人本人验收（本镇设置允许本人验收）' });
  });
});

describe('idle lock', () => {
  it('takes whole minutes from 0 (never) to 240', () => {
    expect(checkIdleMinutes(0)).toBeNull();
    expect(checkIdleMinutes(15)).toBeNull();
    expect(checkIdleMinutes(241)).toContain('0 到 240');
    expect(checkIdleMinutes(2.5)).toContain('整数');
  });
});

describe('the rights an installation shows', () => {
  it('shows the county only the rights of its own work, in its words', () => {
    expect(rightLabelsFor('county')).toEqual([
      ['accounts', '管理账号和权限'],
      // In the list's order: the ledger's right comes before the hand-off's.
      ['ledger', '编写和下发督查反馈清单'],
      ['handoff', '接收乡镇数据包、登记和更换乡镇密钥'],
      ['history', '查看全部操作记录并核验'],
    ]);
    expect(rightLabelsFor('town')).toHaveLength(14);
  });
});
