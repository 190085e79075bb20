import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { auditWithoutPrivate, privateFieldsOf } from './privacy';

/**
 * The history as a hash chain (docs/audit-chain.md): each installation's entries are numbered
 * 1, 2, 3 … (`seq`) and each carries the SHA-256 of the one before it (`prev`) and its own
 * (`hash`, over everything else it holds). An entry changed, removed, inserted or moved outside
 * the app no longer fits the chain, and the first place it stops fitting is named.
 *
 * The hash is synchronous on purpose: it is computed inside the write's IndexedDB transaction,
 * which a native promise (crypto.subtle) would let commit early.
 */

/** The chain links an entry carries. */
export interface ChainLinks {
  /** The installation whose chain this entry belongs to. */
  chain: string;
  /** Its position in that chain, from 1. */
  seq: number;
  /** The hash of the entry before it (GENESIS for the first). */
  prev: string;
  /** SHA-256 of the entry's canonical form without this field, lowercase hex. */
  hash: string;
}

/** The `prev` of a chain's first entry. */
export const GENESIS = '0'.repeat(64);

/** Where a chain ends, or where it was last checked. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The canonical form of a value, the bytes its hash is taken over: JSON with every object's
 * keys in code-unit order, members whose value is `undefined` left out, no spaces. Anyone can
 * recompute it (docs/audit-chain.md gives the rule and a worked example).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * The form of an entry its hash is taken over: without `hash`, and as it may leave the PC — a
 * complainant's name (privacy.ts) and the salt of its digest left out. The private values are
 * covered instead by `privateDigest`, SHA-256 of a random salt kept on this PC and the values:
 * another PC can check the rest of the entry without learning the name, and this PC can check
 * the name too.
 */
function publicForm(entry: object): Record<string, unknown> {
  const e = entry as Record<string, unknown>;
  const out: Record<string, unknown> =
    typeof e.table === 'string'
      ? { ...auditWithoutPrivate(e as { table: string; before: unknown; after: unknown }) }
      : { ...e };
  delete out.hash;
  delete out.privateSalt;
  return out;
}

/** The hash of an entry: over its public form (see publicForm). */
export function entryHash(entry: object): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(publicForm(entry)))));
}

/** The private values an entry holds (its before's and after's private fields), or null. */
function privateValues(entry: Record<string, unknown>): Record<string, unknown> | null {
  const fields = typeof entry.table === 'string' ? privateFieldsOf(entry.table) : [];
  const pick = (record: unknown) =>
    record && typeof record === 'object'
      ? Object.fromEntries(
          fields
            .filter((f) => (record as Record<string, unknown>)[f] !== undefined)
            .map((f) => [f, (record as Record<string, unknown>)[f]]),
        )
      : {};
  const before = pick(entry.before);
  const after = pick(entry.after);
  return Object.keys(before).length + Object.keys(after).length > 0 ? { before, after } : null;
}

const digestOf = (salt: string, values: unknown) =>
  bytesToHex(sha256(utf8ToBytes(`${salt}${canonicalJson(values)}`)));

/** An entry with its private values sealed (a salt and their digest), when it holds any. */
function sealPrivate<T extends object>(entry: T): T {
  const values = privateValues(entry as Record<string, unknown>);
  if (!values) return entry;
  const salt = bytesToHex(randomBytes(16));
  return { ...entry, privateSalt: salt, privateDigest: digestOf(salt, values) };
}

/**
 * Whether an entry's private values are the ones it was written with. Where the salt is not here
 * (an entry that came from another PC, without the values) there is nothing to check.
 */
function privateIntact(entry: object): boolean {
  const e = entry as Record<string, unknown>;
  const values = privateValues(e);
  if (typeof e.privateSalt !== 'string') return values === null;
  return e.privateDigest === digestOf(e.privateSalt, values ?? {});
}

/** Whether an entry is as it was written: its hash, and its private values where they are here. */
const intact = (entry: ChainLinks) => entryHash(entry) === entry.hash && privateIntact(entry);

/** An entry linked onto the head of its chain (null: the chain's first entry). */
export function linkEntry<T extends object>(
  entry: T,
  chain: string,
  head: ChainHead | null,
): T & ChainLinks {
  const linked = {
    ...sealPrivate(entry),
    chain,
    seq: (head?.seq ?? 0) + 1,
    prev: head?.hash ?? GENESIS,
  } as T & ChainLinks;
  linked.hash = entryHash(linked);
  return linked;
}

/** Where a chain stops fitting, in words a reader can act on. */
export interface ChainBreak {
  /** The position where it breaks (the first entry that does not fit). */
  seq: number;
  kind: 'changed' | 'missing' | 'duplicated' | 'unlinked' | 'truncated' | 'rewritten';
  message: string;
}

export type ChainCheck =
  | { ok: true; head: ChainHead | null; checked: number }
  | { ok: false; break: ChainBreak; checked: number };

/**
 * Checks one installation's chain, entries in any order, from `from` (a head checked before:
 * the entries up to it are taken as verified, and it must still be there unchanged) to the end.
 * Returns the new head, or the first break.
 */
export function verifyChain(
  entries: readonly ChainLinks[],
  from: ChainHead | null = null,
): ChainCheck {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const fail = (seq: number, kind: ChainBreak['kind'], message: string, checked: number) =>
    ({ ok: false, break: { seq, kind, message }, checked }) as const;
  const last = sorted.at(-1);
  if (from && (!last || last.seq < from.seq))
    return fail(
      (last?.seq ?? 0) + 1,
      'truncated',
      `记录在第 ${last?.seq ?? 0} 条之后被截掉了：上次核验时有 ${from.seq} 条。`,
      0,
    );
  let head: ChainHead | null = null;
  let checked = 0;
  let expected = from ? from.seq : 1;
  for (const entry of sorted) {
    if (from && entry.seq < from.seq) {
      expected = entry.seq + 1;
      continue;
    }
    if (head && entry.seq === head.seq)
      return fail(
        entry.seq,
        'duplicated',
        `第 ${entry.seq} 条记录出现了两次（有记录被插入）。`,
        checked,
      );
    if (entry.seq !== expected)
      return fail(
        expected,
        'missing',
        expected === entry.seq - 1
          ? `第 ${expected} 条记录不见了（从第 ${expected - 1} 条直接到了第 ${entry.seq} 条）。`
          : `第 ${expected} 至 ${entry.seq - 1} 条记录不见了。`,
        checked,
      );
    if (!intact(entry))
      return fail(
        entry.seq,
        'changed',
        `第 ${entry.seq} 条记录的内容被改动过（与它的校验值不符）。`,
        checked,
      );
    if (from && entry.seq === from.seq) {
      if (entry.hash !== from.hash)
        return fail(
          entry.seq,
          'rewritten',
          `第 ${entry.seq} 条记录与上次核验时不同：这一段记录被整体改写过。`,
          checked,
        );
    } else {
      const prev = head?.hash ?? (entry.seq === 1 ? GENESIS : undefined);
      if (prev !== undefined && entry.prev !== prev)
        return fail(
          entry.seq,
          'unlinked',
          `第 ${entry.seq} 条记录与前一条接不上（记录被删除、插入或调换过顺序）。`,
          checked,
        );
    }
    head = { seq: entry.seq, hash: entry.hash };
    checked += 1;
    expected = entry.seq + 1;
  }
  return { ok: true, head, checked };
}

/**
 * Checks part of another installation's chain — what hand-off packages brought of it, which is
 * the history of the records they carried, so with gaps: each entry must still hash to its own
 * `hash`, no position may be taken twice, and where an entry's predecessor is here too, it must
 * link to it. Returns the number of gaps (runs of positions not here) with the result.
 */
export function verifyPartialChain(entries: readonly ChainLinks[]): ChainCheck & { gaps: number } {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  let gaps = 0;
  let previous: ChainLinks | null = null;
  let checked = 0;
  for (const entry of sorted) {
    const fail = (kind: ChainBreak['kind'], message: string) =>
      ({ ok: false, break: { seq: entry.seq, kind, message }, checked, gaps }) as const;
    if (!Number.isInteger(entry.seq) || entry.seq < 1)
      return fail('changed', `有一条记录的位置“${String(entry.seq)}”不对。`);
    if (previous && previous.seq === entry.seq)
      return fail('duplicated', `第 ${entry.seq} 条记录出现了两次（有记录被插入）。`);
    if (!intact(entry))
      return fail('changed', `第 ${entry.seq} 条记录的内容被改动过（与它的校验值不符）。`);
    const before =
      previous?.seq === entry.seq - 1 ? previous.hash : entry.seq === 1 ? GENESIS : null;
    if (before !== null && entry.prev !== before)
      return fail(
        'unlinked',
        `第 ${entry.seq} 条记录与前一条接不上（记录被删除、插入或调换过顺序）。`,
      );
    if (before === null) gaps += 1;
    previous = entry;
    checked += 1;
  }
  return {
    ok: true,
    head: previous ? { seq: previous.seq, hash: previous.hash } : null,
    checked,
    gaps,
  };
}

/**
 * Why history entries arriving from a package may not be kept, or null. Entries this PC already
 * has are never replaced (the caller leaves them out); of the rest, none may claim this PC's own
 * chain (it cannot have been written elsewhere), none may be outside every chain but the
 * built-in standard's, and each other installation's part must check out with what this PC
 * already holds of that chain.
 */
export function checkArrivingHistory(
  arriving: readonly Record<string, unknown>[],
  own: string,
  held: (chain: string) => readonly ChainLinks[],
  builtInId: string,
): string | null {
  const byChain = new Map<string, ChainLinks[]>();
  for (const entry of arriving) {
    const label = typeof entry.label === 'string' ? entry.label : '';
    const chain = entry.chain;
    if (chain === undefined || chain === null) {
      if (entry.id === builtInId) continue;
      return `其中的操作记录“${label}”没有校验信息（来自旧版本，或是伪造的），不能导入。`;
    }
    if (
      typeof chain !== 'string' ||
      typeof entry.seq !== 'number' ||
      typeof entry.hash !== 'string'
    )
      return `其中的操作记录“${label}”的校验信息不完整，不能导入。`;
    if (chain === own)
      return `其中的操作记录“${label}”自称是本机写的，本机却没有这条记录：不能导入。`;
    const list = byChain.get(chain) ?? [];
    list.push(entry as unknown as ChainLinks);
    byChain.set(chain, list);
  }
  for (const [chain, list] of byChain) {
    const result = verifyPartialChain([...held(chain), ...list]);
    if (!result.ok)
      return `其中来自其他电脑（${chain}）的操作记录核验未通过：${result.break.message}不能导入。`;
  }
  return null;
}
