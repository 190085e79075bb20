import { describe, expect, it } from 'vitest';
import { restorePreview } from './restorePreview';

const p = (
  id: string,
  number: string,
  status: 'pending' | 'inProgress' | 'closed',
  deleted = false,
) => ({
  id,
  number,
  description: `问题${id}`,
  status,
  ...(deleted ? { deletedAt: '2026-11-20T00:00:00.000Z' } : {}),
});

describe('the preview of a restore', () => {
  it('counts each table now and after, and names the items that go or go back', () => {
    // Now: 4 items (a pending, b closed, c in progress, d new since the backup) + 1 deleted (e).
    // The backup: a pending, b in progress (closed since), c in progress; e was not deleted then.
    const preview = restorePreview({
      now: { problems: 5, villages: 27, riverPatrols: 12 },
      after: { problems: 4, villages: 27, workRecords: 3 },
      problemsNow: [
        p('a', '2026-镇督-0001', 'pending'),
        p('b', '2026-镇督-0002', 'closed'),
        p('c', '2026-镇督-0003', 'inProgress'),
        p('d', '2026-群诉-0001', 'pending'),
        p('e', '2026-镇督-0004', 'pending', true),
      ],
      problemsAfter: [
        p('a', '2026-镇督-0001', 'pending'),
        p('b', '2026-镇督-0002', 'inProgress'),
        p('c', '2026-镇督-0003', 'inProgress'),
        p('e', '2026-镇督-0004', 'pending'),
      ],
    });
    expect(preview.tables).toEqual([
      { table: 'problems', now: 5, after: 4 },
      { table: 'villages', now: 27, after: 27 },
      { table: 'riverPatrols', now: 12, after: 0 },
      { table: 'workRecords', now: 0, after: 3 },
    ]);
    // d was entered after the backup: it disappears. e is deleted now and comes back: nothing
    // is lost there. b goes back from 已销号 to 整改中.
    expect(preview.lost).toEqual([
      { number: '2026-群诉-0001', description: '问题d', status: '待整改' },
    ]);
    expect(preview.reverted).toEqual([
      {
        number: '2026-镇督-0002',
        description: '问题b',
        status: '已销号',
        to: '整改中',
        fields: [],
      },
    ]);
  });

  it('names an item whose notes or deadline go back even when its state does not', () => {
    const now = {
      ...p('a', '2026-镇督-0001', 'inProgress'),
      progress: [{ text: '已清运' }, { text: '已复查' }],
      deadline: '2026-12-31',
      updatedAt: '2026-11-30T08:00:00.000Z',
    };
    const then = {
      ...p('a', '2026-镇督-0001', 'inProgress'),
      progress: [{ text: '已清运' }],
      deadline: '2026-12-15',
      updatedAt: '2026-11-20T08:00:00.000Z',
    };
    const same = { ...p('b', '2026-镇督-0002', 'pending'), updatedAt: '2026-11-01T00:00:00.000Z' };
    const preview = restorePreview({
      now: { problems: 2 },
      after: { problems: 2 },
      problemsNow: [now, same],
      problemsAfter: [then, { ...same }],
    });
    expect(preview.lost).toEqual([]);
    expect(preview.reverted).toEqual([
      {
        number: '2026-镇督-0001',
        description: '问题a',
        status: '整改中',
        to: '整改中',
        fields: ['deadline', 'progress'],
      },
    ]);
  });
});
