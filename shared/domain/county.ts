import type { ChainHead } from './auditChain';
import type { PeriodResult } from './assessment';
import { daysBetween, lastDayOfMonth } from './period';
import type { ComplianceRow } from './patrol';
import type { Problem } from './problem';
import { combineLedgerStats, tallyOf, totalsFromTally, type TallyRow } from './ledgerStats';
import { isLive } from './record';

/**
 * The county desk (县级工作台): the towns whose keys it has registered, the packages it has
 * received from each, and how an arriving package is judged before anything of it is kept.
 */

/** A town as the county registered it: its name and the key its packages are signed with. */
export interface RegisteredTown {
  id: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  registeredAt: string;
  registeredBy: string;
  /** Keys it used before (a new PC), each replaced by an explicit, recorded step. */
  previousKeys: { fingerprint: string; until: string; by: string; reason: string }[];
}

/** What a package's signed manifest says of itself, as the county reads it. */
export interface ArrivingPackage {
  /** SHA-256 of the whole file: the same package twice is the same file. */
  sha256: string;
  townName: string;
  fingerprint: string;
  createdAt: string;
  period: { from: string; to: string };
  /** Where the town's history stood (absent in packages made before it was signed in). */
  head?: { chain: string; seq: number; hash: string } | undefined;
}

/** A package the county received and kept, with what it found. */
export interface ReceivedPackage {
  id: string;
  townId: string;
  fileName: string;
  createdAt: string;
  period: { from: string; to: string };
  head?: { chain: string; seq: number; hash: string } | undefined;
  counts: Record<string, number>;
  receivedAt: string;
  receivedBy: string;
  verdict: ArrivalKind;
  /** What the county reads about it (older, a rewound history…). */
  note: string;
}

export type ArrivalKind =
  | 'unregistered'
  | 'wrongKey'
  | 'duplicate'
  | 'older'
  | 'rewound'
  | 'rewritten'
  | 'newChain'
  | 'current';

export interface ArrivalVerdict {
  kind: ArrivalKind;
  /** Whether the package's records become the town's data at the county. */
  replacesData: boolean;
  /** Whether it is kept at all (a refusal writes nothing). */
  kept: boolean;
  message: string;
}

/** A moment as the county reads it: local date and minute (two packages of a day differ). */
const shortDay = (iso: string) => new Date(iso).toLocaleString('sv-SE').slice(0, 16);
/** Two moments told apart: to the minute, or to the second when they share a minute. */
function moments(a: string, b: string): [string, string] {
  const long = (iso: string) => new Date(iso).toLocaleString('sv-SE').slice(0, 19);
  return shortDay(a) === shortDay(b) ? [long(a), long(b)] : [shortDay(a), shortDay(b)];
}

/**
 * How an arriving package is taken (issue 16): a town not yet registered waits for the county to
 * compare fingerprints; a package claiming a registered town but signed by another key is
 * refused, naming both; the same file twice changes nothing; one made before the newest received
 * is kept as older without replacing newer data; a history that does not extend the last one
 * received (fewer entries, or an entry changed) is kept and shown as rewound or rewritten, without
 * replacing the data; a new chain (a restore, a new PC) is taken and said.
 * `arrivingHashAt(seq)` is the hash of the package's own entry at that place of the chain, if the
 * package carries it.
 */
export function judgeArrival(input: {
  arriving: ArrivingPackage;
  registered: RegisteredTown | undefined;
  received: readonly ReceivedPackage[];
  arrivingHashAt: (chain: string, seq: number) => string | undefined;
  /** Where the package's own history entries do not fit each other, if they do not. */
  historyBreak?: string | undefined;
}): ArrivalVerdict {
  const { arriving, registered, received } = input;
  if (!registered)
    return {
      kind: 'unregistered',
      replacesData: false,
      kept: false,
      message: `“${arriving.townName}”还没有登记。请与该镇核对签名指纹（${arriving.fingerprint}）后登记，再接收。`,
    };
  const retired = registered.previousKeys.find((k) => k.fingerprint === arriving.fingerprint);
  if (retired)
    return {
      kind: 'wrongKey',
      replacesData: false,
      kept: false,
      message: `这个包是“${registered.name}”更换密钥前的电脑签的（签名指纹 ${retired.fingerprint}，${shortDay(retired.until)} 由${retired.by}更换）。已拒收：该镇现在登记的签名指纹是 ${registered.fingerprint}。`,
    };
  if (registered.fingerprint !== arriving.fingerprint)
    return {
      kind: 'wrongKey',
      replacesData: false,
      kept: false,
      message: `这个包自称来自“${registered.name}”，但签名指纹是 ${arriving.fingerprint}，不是该镇登记的 ${registered.fingerprint}。已拒收。如该镇确实换了电脑，核对新指纹后点“该镇换了电脑，更换密钥…”。`,
    };
  if (received.some((p) => p.id === arriving.sha256))
    return {
      kind: 'duplicate',
      replacesData: false,
      kept: false,
      message: '这个包已经接收过，没有变化。',
    };
  if (input.historyBreak)
    return {
      kind: 'rewritten',
      replacesData: false,
      kept: true,
      message: `这个包里的操作记录前后对不上：${input.historyBreak}已留存备查，不替换数据。`,
    };
  const taken = received.filter((p) => p.verdict === 'current' || p.verdict === 'newChain');
  const newest = [...taken].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (newest && arriving.createdAt < newest.createdAt)
    return {
      kind: 'older',
      replacesData: false,
      kept: true,
      message: `这个包生成于 ${moments(arriving.createdAt, newest.createdAt).join('，比已收到的 ')} 的包旧：已留存，但不替换较新的数据。`,
    };
  const last = newest?.head;
  const head = arriving.head;
  if (last && head) {
    if (head.chain !== last.chain)
      return {
        kind: 'newChain',
        replacesData: true,
        kept: true,
        message: `该镇的操作记录换了新的记录链（恢复过备份或换了电脑）；上次收到的记录链止于第 ${last.seq} 条。请向该镇了解原因。`,
      };
    if (head.seq < last.seq)
      return {
        kind: 'rewound',
        replacesData: false,
        kept: true,
        message: `这个包的操作记录只到第 ${head.seq} 条，比上次收到的第 ${last.seq} 条还少：记录被倒回过。已留存备查，不替换数据。`,
      };
    const there = head.seq === last.seq ? head.hash : input.arrivingHashAt(last.chain, last.seq);
    if (there !== undefined && there !== last.hash)
      return {
        kind: 'rewritten',
        replacesData: false,
        kept: true,
        message: `这个包里第 ${last.seq} 条操作记录与上次收到的不同：记录被改写过。已留存备查，不替换数据。`,
      };
  }
  return {
    kind: 'current',
    replacesData: true,
    kept: true,
    message: !head
      ? '这个包没有带操作记录的校验信息（旧版软件导出）。'
      : newest
        ? `操作记录接续上次，到第 ${head.seq} 条。`
        : `这是收到该镇的第一个数据包，操作记录到第 ${head.seq} 条。`,
  };
}

/** One town's figures for a month, as 全县总览 compares them. */
export interface TownMonth {
  townId: string;
  town: string;
  /** The month's published average village score, or null before it is published. */
  average: number | null;
  red: number;
  yellow: number;
  open: number;
  overdue: number;
  closureRate: number | null;
  medianDaysToClose: number | null;
  /** Upper-level feedback items (上级督查) still open. */
  upperOpen: number;
  patrols: number;
  /**
   * Share of the town's river chiefs and rangers who patrolled what the county's rules ask of
   * them in the month (up to today in the month not yet over); null when it has none.
   */
  patrolCompliance: number | null;
  workRecords: number;
  lastPackageAt: string | null;
  /** Days since the newest package was made, on `today`. */
  waitedDays: number | null;
}

/**
 * The figures of one town for `month`, from the records of its newest package: the month's
 * 红黄榜, patrols and records, and the ledger as it stood at the month's end.
 */
export function townMonth(
  input: MonthInput & { townId: string; town: string; lastPackageAt: string | null },
): TownMonth {
  return {
    townId: input.townId,
    town: input.town,
    ...monthFigures(input),
    lastPackageAt: input.lastPackageAt,
    waitedDays: input.lastPackageAt
      ? daysBetween(input.lastPackageAt.slice(0, 10), input.today)
      : null,
  };
}

/** A month's figures of a town, without the town's name and its packages' dates. */
export type MonthFigures = Omit<TownMonth, 'townId' | 'town' | 'lastPackageAt' | 'waitedDays'>;

interface MonthInput {
  month: string;
  today: string;
  results: readonly PeriodResult[];
  problems: readonly Problem[];
  /**
   * Items counted beforehand as a tally (`countyDigest.ts`): found and ended before the day, they
   * count the same on it; `problems` are then the others.
   */
  settled?: readonly TallyRow[] | undefined;
  patrolDates: readonly string[];
  /** The month's compliance of each river chief and ranger (patrol.ts `monthCompliance`). */
  compliance?: readonly Pick<ComplianceRow, 'behind'>[] | undefined;
  recordDates: readonly string[];
}

/** The figures of one town for `month` on `today` (`townMonth`, without the town's names). */
export function monthFigures(input: MonthInput): MonthFigures {
  const result = input.results.find((r) => r.id === input.month);
  const flags = (color: 'red' | 'yellow') =>
    result?.flagsAwarded
      ? result.rows.filter((r) => r.flag === color && !(color === 'red' && r.withdrawn)).length
      : 0;
  // The ledger as it stood at the month's end (today, for the month not yet over): items found
  // by then, an item closed only later counted as still open then. (Deadlines as they are now:
  // an extension granted after the month is not undone.)
  const end = lastDayOfMonth(input.month);
  const asOf = input.today < end ? input.today : end;
  const live = input.problems
    .filter((p) => isLive(p) && p.foundOn <= asOf)
    .map((p) =>
      p.status === 'closed' && p.verification && p.verification.date > asOf
        ? { ...p, status: 'closeRequested' as const, verification: undefined }
        : p,
    );
  const stats = combineLedgerStats(
    live,
    totalsFromTally([...(input.settled ?? []), ...tallyOf(live)]),
    asOf,
  );
  const open = Object.values(stats.bySource).reduce((n, c) => n + c.open, 0);
  const overdue = Object.values(stats.bySource).reduce((n, c) => n + c.overdue, 0);
  const inMonth = (d: string) => d.slice(0, 7) === input.month;
  return {
    average: result?.average ?? null,
    red: flags('red'),
    yellow: flags('yellow'),
    open,
    overdue,
    closureRate: stats.closureRate,
    medianDaysToClose: stats.medianDaysToClose,
    upperOpen: stats.bySource.upper.open,
    patrols: input.patrolDates.filter(inMonth).length,
    patrolCompliance:
      input.compliance && input.compliance.length > 0
        ? Math.round(
            (input.compliance.filter((c) => c.behind === 0).length / input.compliance.length) *
              1000,
          ) / 1000
        : null,
    workRecords: input.recordDates.filter(inMonth).length,
  };
}

export type { ChainHead };
