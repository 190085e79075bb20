import { describe, expect, it } from 'vitest';
import { compareRevisions, joinRevisions, stamp, type BaseRecord } from './record';

describe('revisions', () => {
  it('tell the same, after, before and concurrent apart', () => {
    expect(compareRevisions({ A: 2, B: 1 }, { A: 2, B: 1 })).toBe('same');
    expect(compareRevisions({ A: 3, B: 1 }, { A: 2, B: 1 })).toBe('after');
    expect(compareRevisions({ A: 2 }, { A: 2, B: 1 })).toBe('before');
    // Each has a change the other has not seen: A's third, B's first.
    expect(compareRevisions({ A: 3 }, { A: 2, B: 1 })).toBe('concurrent');
    // A record written before revisions were kept has seen no change.
    expect(compareRevisions(undefined, undefined)).toBe('same');
    expect(compareRevisions({ A: 1 }, undefined)).toBe('after');
  });

  it('join to the larger count of each installation', () => {
    expect(joinRevisions({ A: 3, B: 1 }, { A: 2, B: 4, C: 1 })).toEqual({ A: 3, B: 4, C: 1 });
  });

  it('count each write of an installation in the record it stamps', () => {
    const ctx = { now: '2026-12-01T01:00:00.000Z', actor: '张环保', newId: () => 'r1' };
    type R = BaseRecord & { name: string };
    const first = stamp<R>({ name: '张家村' }, { ...ctx, installation: 'A' });
    expect(first.rev).toEqual({ A: 1 });
    const second = stamp<R>(
      { ...first, name: '张家沟村' },
      { ...ctx, installation: 'A', existing: first },
    );
    expect(second.rev).toEqual({ A: 2 });
    // Edited on another PC after an exchange: its count joins A's.
    const there = stamp<R>(
      { ...second, name: '张家新村' },
      { ...ctx, installation: 'B', existing: second },
    );
    expect(there.rev).toEqual({ A: 2, B: 1 });
    expect(there.createdAt).toBe(first.createdAt);
  });

  it("never set a record's updatedAt back, whatever the writing PC's clock says", () => {
    type R = BaseRecord & { name: string };
    const at = (now: string, installation: string, existing?: R) =>
      stamp<R>(
        { ...(existing ?? {}), name: '张家村' },
        { now, actor: '张环保', newId: () => 'r1', installation, existing },
      );
    const there = at('2026-03-05T02:00:00.000Z', 'A');
    // A PC whose clock is a year behind edits it: the time goes on from the last write.
    const behind = at('2025-03-05T02:00:00.000Z', 'B', there);
    expect(behind.updatedAt).toBe('2026-03-05T02:00:00.001Z');
    // Twice within the same millisecond: still later each time.
    expect(at(behind.updatedAt, 'B', behind).updatedAt).toBe('2026-03-05T02:00:00.002Z');
    // A clock that is right writes its own time.
    expect(at('2026-03-06T00:00:00.000Z', 'A', behind).updatedAt).toBe('2026-03-06T00:00:00.000Z');
    // Without the existing record passed, the draft's own stamp counts the same way.
    expect(
      stamp<R>(
        { ...there, name: '张家沟村' },
        { now: '2025-01-01T00:00:00.000Z', actor: '张环保', newId: () => 'r1', installation: 'B' },
      ).updatedAt,
    ).toBe('2026-03-05T02:00:00.001Z');
  });
});
