import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  checkArrivingHistory,
  entryHash,
  GENESIS,
  linkEntry,
  verifyChain,
  verifyPartialChain,
  type ChainLinks,
} from './auditChain';

type Entry = Record<string, unknown> & ChainLinks;

/** An entry's own fields, without the chain's links (or only without `hash`). */
function body(entry: Entry, keep: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = { ...entry };
  for (const k of ['chain', 'seq', 'prev', 'hash']) if (!keep.includes(k)) delete out[k];
  return out;
}

/** A hand-made chain of `n` entries on installation pc1. */
function chainOf(n: number): Entry[] {
  const out: Entry[] = [];
  for (let i = 1; i <= n; i += 1) {
    const head = out.at(-1);
    out.push(
      linkEntry<Record<string, unknown>>(
        { id: `e${i}`, action: 'update', label: `第${i}次`, at: `2026-12-0${i}T01:00:00.000Z` },
        'pc1',
        head ? { seq: head.seq, hash: head.hash } : null,
      ),
    );
  }
  return out;
}

describe('the canonical form and the hash', () => {
  it('sorts keys, leaves out undefined, keeps arrays in order (worked out with Python’s hashlib)', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe(
      '{"a":[true,null,"x"],"b":1}',
    );
    // sha256('{"a":[true,null,"x"],"b":1}')
    expect(entryHash({ b: 1, a: [true, null, 'x'], c: undefined })).toBe(
      '54a65415ad370228851a1da4b31b6fd42dc58b19a50d35cae759325f7388ce64',
    );
    // The first entry of a chain: its hash is over the entry with chain, seq and prev, not hash.
    const first = linkEntry({ action: 'create', label: '东村' }, 'pc1', null);
    expect(first).toMatchObject({ chain: 'pc1', seq: 1, prev: GENESIS });
    expect(first.hash).toBe('feea3a78367ffa4941311def175d20898a851a95c060100e2f30c15119c8a9c9');
  });
});

describe('checking a chain', () => {
  it('passes an intact chain in any order and gives its head', () => {
    const chain = chainOf(5);
    expect(verifyChain([...chain].reverse())).toEqual({
      ok: true,
      head: { seq: 5, hash: chain[4]!.hash },
      checked: 5,
    });
    expect(verifyChain([])).toEqual({ ok: true, head: null, checked: 0 });
  });

  it('names an entry whose content was changed', () => {
    const chain = chainOf(5);
    chain[2] = { ...chain[2]!, label: '改过的' };
    expect(verifyChain(chain)).toMatchObject({
      ok: false,
      break: {
        seq: 3,
        kind: 'changed',
        message: '第 3 条记录的内容被改动过（与它的校验值不符）。',
      },
    });
  });

  it('names a change whose hash was recomputed where the next entry no longer links', () => {
    const chain = chainOf(5);
    const rest = body({ ...chain[2]!, label: '改过的' }, ['chain', 'seq', 'prev']);
    chain[2] = { ...rest, hash: entryHash(rest) } as Entry;
    expect(verifyChain(chain)).toMatchObject({ ok: false, break: { seq: 4, kind: 'unlinked' } });
  });

  it('names a removed entry, a run of them, and a duplicated one', () => {
    const chain = chainOf(6);
    expect(verifyChain(chain.filter((e) => e.seq !== 3))).toMatchObject({
      ok: false,
      break: {
        seq: 3,
        kind: 'missing',
        message: '第 3 条记录不见了（从第 2 条直接到了第 4 条）。',
      },
    });
    expect(verifyChain(chain.filter((e) => e.seq < 2 || e.seq > 4))).toMatchObject({
      break: { seq: 2, message: '第 2 至 4 条记录不见了。' },
    });
    // An entry inserted with a position already taken.
    const forged = linkEntry<Record<string, unknown>>(
      { id: 'x', action: 'delete', label: '伪造' },
      'pc1',
      {
        seq: 2,
        hash: chain[1]!.hash,
      },
    );
    expect(verifyChain([...chain, forged])).toMatchObject({
      ok: false,
      break: { seq: 3, kind: 'duplicated' },
    });
  });

  it('names two entries whose places were swapped', () => {
    const chain = chainOf(5);
    const swapped = chain.map((e) =>
      e.seq === 2 ? { ...chain[2]!, seq: 2 } : e.seq === 3 ? { ...chain[1]!, seq: 3 } : e,
    );
    expect(verifyChain(swapped)).toMatchObject({ ok: false, break: { seq: 2, kind: 'changed' } });
  });

  it('goes on from the last checked head, and names a tail cut off or a rewritten past', () => {
    const chain = chainOf(6);
    const atFour = { seq: 4, hash: chain[3]!.hash };
    // Entries before the head are not read again; the head must still be there, unchanged.
    expect(verifyChain(chain.slice(3), atFour)).toEqual({
      ok: true,
      head: { seq: 6, hash: chain[5]!.hash },
      checked: 3,
    });
    expect(verifyChain(chain.slice(0, 2), atFour)).toMatchObject({
      ok: false,
      break: {
        seq: 3,
        kind: 'truncated',
        message: '记录在第 2 条之后被截掉了：上次核验时有 4 条。',
      },
    });
    // A whole chain made again from a changed second entry fits itself, not the head checked.
    const remade = chainOf(6);
    const rewritten: Entry[] = [];
    for (const e of remade) {
      const prevHead = rewritten.at(-1);
      const own = body(e);
      rewritten.push(
        linkEntry(
          e.seq === 2 ? { ...own, label: '改写' } : own,
          'pc1',
          prevHead ? { seq: prevHead.seq, hash: prevHead.hash } : null,
        ),
      );
    }
    expect(verifyChain(rewritten)).toMatchObject({ ok: true });
    expect(verifyChain(rewritten, atFour)).toMatchObject({
      ok: false,
      break: { seq: 4, kind: 'rewritten' },
    });
  });
});

describe('part of another PC’s chain, as packages bring it', () => {
  it('passes with gaps, and still names an entry changed or not linked to the one before', () => {
    const chain = chainOf(6);
    const part = [chain[0]!, chain[1]!, chain[4]!];
    expect(verifyPartialChain(part)).toMatchObject({ ok: true, head: { seq: 5 }, gaps: 1 });
    expect(verifyPartialChain([chain[2]!, { ...chain[4]!, label: '改过' }])).toMatchObject({
      ok: false,
      break: { seq: 5, kind: 'changed' },
    });
    // Entry 4 made again with a different content: entry 5 beside it no longer links.
    const four = linkEntry<Record<string, unknown>>({ id: 'x', label: '伪造' }, 'pc1', {
      seq: 3,
      hash: chain[2]!.hash,
    });
    expect(verifyPartialChain([four, chain[4]!])).toMatchObject({
      ok: false,
      break: { seq: 5, kind: 'unlinked' },
    });
  });
});

describe('history arriving in a package', () => {
  const own = 'mine0000001';
  it('refuses an entry claiming this PC, one outside every chain, and another PC’s changed', () => {
    const theirs = chainOf(3);
    const held = (chain: string) => (chain === 'pc1' ? [theirs[0]!] : []);
    expect(checkArrivingHistory([theirs[1]!, theirs[2]!], own, held, 'builtin')).toBeNull();
    const mine = linkEntry<Record<string, unknown>>({ id: 'f', label: '伪造的销号' }, own, null);
    expect(checkArrivingHistory([mine], own, held, 'builtin')).toBe(
      '其中的操作记录“伪造的销号”自称是本机写的，本机却没有这条记录：不能导入。',
    );
    expect(checkArrivingHistory([{ id: 'old', label: '旧记录' }], own, held, 'builtin')).toBe(
      '其中的操作记录“旧记录”没有校验信息（来自旧版本，或是伪造的），不能导入。',
    );
    expect(
      checkArrivingHistory([{ id: 'builtin', label: '内置' }], own, held, 'builtin'),
    ).toBeNull();
    expect(checkArrivingHistory([{ ...theirs[1]!, actor: '别人' }], own, held, 'builtin')).toBe(
      '其中来自其他电脑（pc1）的操作记录核验未通过：第 2 条记录的内容被改动过（与它的校验值不符）。不能导入。',
    );
  });
});

describe('a complainant’s name in the chain', () => {
  const entry = {
    id: 'p1',
    table: 'problems',
    action: 'create',
    label: '2026-群众-0001',
    before: null,
    after: { description: '夜间偷排污水', complainant: '王大妈 13800000000' },
  };
  it('is sealed on this PC, checked here, and the entry checks out elsewhere without it', () => {
    const sealed = linkEntry<Record<string, unknown>>(entry, 'pc1', null);
    expect(typeof sealed.privateSalt).toBe('string');
    expect(verifyChain([sealed])).toMatchObject({ ok: true });
    // Another name put in on this PC is found.
    const changed = { ...sealed, after: { ...entry.after, complainant: '李四' } };
    expect(verifyChain([changed])).toMatchObject({ ok: false, break: { kind: 'changed' } });
    // As it leaves the PC: no name, no salt; the rest still checks out, with the same hash.
    const after = sealed.after as Record<string, unknown>;
    const leaving: Record<string, unknown> = {
      ...sealed,
      after: { description: after.description },
    };
    delete leaving.privateSalt;
    expect(JSON.stringify(leaving)).not.toContain('王大妈');
    expect(entryHash(leaving)).toBe(sealed.hash);
    expect(verifyPartialChain([leaving as unknown as ChainLinks])).toMatchObject({ ok: true });
  });
});
