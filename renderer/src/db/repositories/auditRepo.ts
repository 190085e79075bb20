import Dexie from 'dexie';
import type { AuditEntry } from '@shared/domain/audit';
import {
  verifyChain,
  verifyPartialChain,
  type ChainBreak,
  type ChainHead,
  type ChainLinks,
} from '@shared/domain/auditChain';
import type { EcoDeskDb } from '../schema';
import { installationOf } from '../writeContext';

/** Read-only: the audit log has no update or delete here, nor anywhere in the app. */
export async function listAudit(
  db: EcoDeskDb,
  filter: { table?: string; recordId?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const limit = filter.limit ?? 500;
  if (filter.table && filter.recordId) {
    const entries = await db.audit
      .where('[table+recordId]')
      .equals([filter.table, filter.recordId])
      .toArray();
    return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  }
  const query = db.audit.orderBy('at').reverse();
  const filtered = filter.table ? query.filter((e) => e.table === filter.table) : query;
  // Entries of one moment (one step wrote several) in the order they were written.
  return (await filtered.limit(limit).toArray()).sort(
    (a, b) => b.at.localeCompare(a.at) || (b.seq ?? 0) - (a.seq ?? 0),
  );
}

/** One installation's chain as checked: how many entries, where it ends, or where it breaks. */
export interface ChainReport {
  chain: string;
  /** This PC's own chain (the others came in hand-off packages). */
  own: boolean;
  entries: number;
  head: ChainHead | null;
  break: ChainBreak | null;
}

export interface HistoryCheck {
  at: string;
  full: boolean;
  chains: ChainReport[];
  /** Entries outside every chain: the built-in standard's, and any from before the chain. */
  unchained: number;
  ok: boolean;
}

/** A break as kept until it is dealt with; an administrator's acknowledgement hides its banner. */
export interface StoredBreak extends ChainReport {
  at: string;
  acknowledged?: { by: string; at: string; entry: number };
}

/** The heads last checked, per chain, and a break found and not yet dealt with. */
export const CHECKED_HEADS_KEY = 'audit.checkedHeads';
export const CHAIN_BREAK_KEY = 'audit.break';
/** The breaks an administrator has acknowledged, by chain, place and kind. */
export const ACKNOWLEDGED_KEY = 'audit.acknowledged';

/** One break's identity: the same entry found not to fit in the same way. */
export const breakKey = (r: Pick<ChainReport, 'chain' | 'break'>) =>
  `${r.chain}:${r.break?.seq ?? 0}:${r.break?.kind ?? ''}`;

/**
 * Checks the history's chains (docs/audit-chain.md). In full: every entry of every chain. Else
 * (when the app opens): each chain from the head checked last time, so it stays fast. A break is
 * kept (and shown on every screen) until it is dealt with; it is never repaired here.
 */
export async function checkHistory(
  db: EcoDeskDb,
  { full }: { full: boolean },
): Promise<HistoryCheck> {
  const installation = await installationOf(db);
  const checked = ((await db.settings.get(CHECKED_HEADS_KEY))?.value ?? {}) as Record<
    string,
    ChainHead
  >;
  const byChain = new Map<string, AuditEntry[]>();
  let unchained = 0;
  if (full) {
    for (const entry of await db.audit.toArray()) {
      if (!entry.chain) {
        unchained += 1;
        continue;
      }
      const list = byChain.get(entry.chain) ?? [];
      list.push(entry);
      byChain.set(entry.chain, list);
    }
  } else if (installation) {
    // Opening: this PC's own chain, from the head checked last time.
    const from = checked[installation]?.seq ?? 0;
    byChain.set(
      installation,
      await db.audit
        .where('[chain+seq]')
        .between([installation, from], [installation, Dexie.maxKey])
        .toArray(),
    );
  }
  const reports: ChainReport[] = [];
  for (const [chain, entries] of byChain) {
    const own = chain === installation;
    // This PC's chain is whole; another PC's is what packages brought of it, with gaps.
    const result = own
      ? verifyChain(entries as ChainLinks[], full ? null : (checked[chain] ?? null))
      : verifyPartialChain(entries as ChainLinks[]);
    reports.push({
      chain,
      own,
      entries: full ? entries.length : result.checked,
      head: result.ok ? result.head : null,
      break: result.ok ? null : result.break,
    });
  }
  reports.sort((a, b) => Number(b.own) - Number(a.own) || a.chain.localeCompare(b.chain));
  const report: HistoryCheck = {
    at: new Date().toISOString(),
    full,
    chains: reports,
    unchained,
    ok: reports.every((r) => r.break === null),
  };
  await db.transaction('rw', db.settings, async () => {
    const heads = { ...checked };
    for (const r of reports) if (r.own && r.head) heads[r.chain] = r.head;
    await db.settings.put({ key: CHECKED_HEADS_KEY, value: heads });
    // A break stays until it is dealt with; a later clean check does not wipe it.
    // A break found again keeps its acknowledgement (it is on record, not new); another
    // place in the history that does not fit is a new break, shown until acknowledged too.
    const broken = reports.find((r) => r.break);
    if (broken) {
      const acknowledged = ((await db.settings.get(ACKNOWLEDGED_KEY))?.value ?? {}) as Record<
        string,
        StoredBreak['acknowledged']
      >;
      const ack = acknowledged[breakKey(broken)];
      await db.settings.put({
        key: CHAIN_BREAK_KEY,
        value: { ...broken, at: report.at, ...(ack ? { acknowledged: ack } : {}) },
      });
    }
  });
  return report;
}
