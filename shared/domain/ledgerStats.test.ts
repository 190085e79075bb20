import { describe, expect, it } from 'vitest';
import { ledgerStats } from './ledgerStats';
import type { Problem } from './problem';

const problem = (over: Partial<Problem>): Problem => ({
  id: Math.random().toString(36),
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  number: 'n',
  source: 'town',
  category: '人居环境',
  villageId: 'v1',
  place: '',
  description: '',
  foundOn: '2026-05-01',
  deadline: '2026-05-31',
  originalDeadline: '2026-05-31',
  extensions: [],
  responsiblePerson: '张三',
  responsibleLeader: '',
  measures: [],
  progress: [],
  beforePhotos: [],
  afterPhotos: [],
  status: 'inProgress',
  supervised: false,
  accountability: [],
  reports: [],
  ...over,
});

describe('ledgerStats (today 2026-06-10)', () => {
  const today = '2026-06-10';
  const items = [
    problem({ deadline: '2026-06-01' }), // open, overdue, 张三
    problem({ deadline: '2026-06-05', responsiblePerson: '李四', source: 'public' }), // open, overdue, 李四
    problem({ deadline: '2026-06-08' }), // open, overdue, 张三
    problem({ deadline: '2026-06-30', villageId: 'v2' }), // open, on time
    problem({
      status: 'closed',
      foundOn: '2026-05-01',
      verification: { verifier: 'x', date: '2026-05-11', opinion: '' },
    }), // 10 days
    problem({
      status: 'closed',
      foundOn: '2026-05-01',
      verification: { verifier: 'x', date: '2026-05-21', opinion: '' },
      villageId: 'v2',
    }), // 20 days
    problem({ status: 'unfixable', deadline: '2026-05-01' }), // ended: neither open nor overdue
    problem({ deletedAt: 't' }), // deleted: not counted
  ];

  it('counts open, overdue and closed by source, village and category', () => {
    const stats = ledgerStats(items, today);
    expect(stats.total).toBe(7);
    expect(stats.bySource.town).toEqual({ open: 3, overdue: 2, closed: 2 });
    expect(stats.bySource.public).toEqual({ open: 1, overdue: 1, closed: 0 });
    expect(stats.byVillage.get('v1')).toEqual({ open: 3, overdue: 3, closed: 1 });
    expect(stats.byVillage.get('v2')).toEqual({ open: 1, overdue: 0, closed: 1 });
    expect(stats.byCategory.get('人居环境')).toEqual({ open: 4, overdue: 3, closed: 2 });
  });

  it('closure rate 2 / 7 = 0.286; median days to close (10 + 20) / 2 = 15; overdue by person 张三 2, 李四 1', () => {
    const stats = ledgerStats(items, today);
    expect(stats.closureRate).toBe(0.286);
    expect(stats.medianDaysToClose).toBe(15);
    expect(stats.overdueByPerson).toEqual([
      { person: '张三', count: 2 },
      { person: '李四', count: 1 },
    ]);
  });

  it('has no rates for an empty ledger', () => {
    expect(ledgerStats([], today)).toMatchObject({
      total: 0,
      closureRate: null,
      medianDaysToClose: null,
    });
  });
});
