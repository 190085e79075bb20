import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

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

/** The hash of an entry: over its canonical form without `hash`. */
export function entryHash(entry: Readonly<Record<string, unknown>>): string {
  const rest: Record<string, unknown> = { ...entry };
  delete rest.hash;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(rest))));
}

/** An entry linked onto the head of its chain (null: the chain's first entry). */
export function linkEntry<T extends object>(
  entry: T,
  chain: string,
  head: ChainHead | null,
): T & ChainLinks {
  const linked = {
    ...entry,
    chain,
    seq: (head?.seq ?? 0) + 1,
    prev: head?.hash ?? GENESIS,
  } as T & ChainLinks;
  linked.hash = entryHash(linked as unknown as Record<string, unknown>);
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
  entries: readonly (Readonly<Record<string, unknown>> & ChainLinks)[],
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
    if (entryHash(entry) !== entry.hash)
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
