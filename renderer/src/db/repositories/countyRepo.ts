import {
  judgeArrival,
  townMonth,
  type ArrivalVerdict,
  type ArrivingPackage,
  type ReceivedPackage,
  type RegisteredTown,
  type TownMonth,
} from '@shared/domain/county';
import type { PeriodResult } from '@shared/domain/assessment';
import { verifyPartialChain, type ChainLinks } from '@shared/domain/auditChain';
import {
  DEFAULT_PATROL_RULES,
  monthCompliance,
  type ForestPatrol,
  type River,
  type RiverPatrol,
} from '@shared/domain/patrol';
import { lastDayOfMonth } from '@shared/domain/period';
import type { Person } from '@shared/domain/person';
import type { Problem } from '@shared/domain/problem';
import type { Village } from '@shared/domain/village';
import { cleanText } from '@shared/domain/validation';
import { InputError } from '../errors';
import type { CountyRecord, EcoDeskDb } from '../schema';
import { appendAudit, writeContext } from '../writeContext';
import { SETUP_COMPLETED_KEY } from './settingsRepo';
import { signedIn, writeFirstAccount, type PreparedFirstAccount } from './accountRepo';

/**
 * The county desk (县级工作台): one installation serves a town or the county. The county keeps
 * the towns it registered by their signing keys, the packages each sent, and each town's records
 * as they arrived, apart from each other and from anything of its own.
 */

export const INSTALLATION_KIND_KEY = 'installation.kind';
export const COUNTY_NAME_KEY = 'county.name';

export type InstallationKind = 'town' | 'county';

export async function installationKind(db: EcoDeskDb): Promise<InstallationKind> {
  return (await db.settings.get(INSTALLATION_KIND_KEY))?.value === 'county' ? 'county' : 'town';
}

export async function countyName(db: EcoDeskDb): Promise<string> {
  const value = (await db.settings.get(COUNTY_NAME_KEY))?.value;
  return typeof value === 'string' ? value : '';
}

/** The tables of a town's package the county keeps: what 全县总览 and the drill-down read. */
export const COUNTY_TABLES = [
  'villages',
  'periods',
  'results',
  'problems',
  'riverPatrols',
  'forestPatrols',
  'workRecords',
  // Whom the patrols are owed by (river chiefs per segment, rangers): for 巡查达标.
  'rivers',
  'people',
] as const;

/** The county's first run: its name and the first account; no town, no villages of its own. */
export async function completeCountySetup(
  db: EcoDeskDb,
  input: { county: string; account: PreparedFirstAccount },
): Promise<void> {
  const county = cleanText(input.county);
  if (county === '') throw new InputError([{ field: 'county', message: '请填写县（区）的名称。' }]);
  if ([...county].length > 30)
    throw new InputError([{ field: 'county', message: '县（区）的名称最多 30 个字。' }]);
  const account = await db.transaction('rw', [db.settings, db.audit, db.accounts], async () => {
    await db.settings.put({ key: INSTALLATION_KIND_KEY, value: 'county' });
    await db.settings.put({ key: COUNTY_NAME_KEY, value: county });
    const made = await writeFirstAccount(db, input.account);
    await db.settings.put({ key: SETUP_COMPLETED_KEY, value: new Date().toISOString() });
    return made;
  });
  signedIn(account);
}

export async function listTowns(db: EcoDeskDb): Promise<RegisteredTown[]> {
  return (await db.countyTowns.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export async function listReceived(db: EcoDeskDb): Promise<ReceivedPackage[]> {
  return (await db.countyPackages.orderBy('createdAt').reverse().toArray()).sort((a, b) =>
    b.receivedAt.localeCompare(a.receivedAt),
  );
}

/** The hash of an arriving package's own history entry at a place of a chain, if it has it. */
function hashesOf(tables: Record<string, unknown[]>) {
  const entries = (tables.audit ?? []) as { chain?: string; seq?: number; hash?: string }[];
  const byPlace = new Map(entries.map((e) => [`${e.chain}:${e.seq}`, e.hash]));
  return (chain: string, seq: number) => byPlace.get(`${chain}:${seq}`);
}

/** Where an arriving package's own history entries do not fit each other, chain by chain. */
function historyBreakOf(tables: Record<string, unknown[]>): string | undefined {
  const byChain = new Map<string, ChainLinks[]>();
  for (const e of (tables.audit ?? []) as Partial<ChainLinks>[]) {
    if (!e.chain) continue;
    byChain.set(e.chain, [...(byChain.get(e.chain) ?? []), e as ChainLinks]);
  }
  for (const entries of byChain.values()) {
    const check = verifyPartialChain(entries);
    if (!check.ok) return check.break.message;
  }
  return undefined;
}

/** What would happen to an arriving package here, before anything is written. */
export async function judgePackage(
  db: EcoDeskDb,
  arriving: ArrivingPackage,
  tables: Record<string, unknown[]>,
): Promise<{ verdict: ArrivalVerdict; town: RegisteredTown | undefined }> {
  return db.transaction('r', [db.countyTowns, db.countyPackages], async () => {
    const town = await db.countyTowns.where('name').equals(arriving.townName).first();
    const received = town ? await db.countyPackages.where('townId').equals(town.id).toArray() : [];
    return {
      town,
      verdict: judgeArrival({
        arriving,
        registered: town,
        received,
        arrivingHashAt: hashesOf(tables),
        historyBreak: historyBreakOf(tables),
      }),
    };
  });
}

/**
 * Registers a town by the key of its first package, once someone has compared the fingerprint
 * with the one the town reads out or prints on its receipt (trust on first use, with who and
 * when, in the history).
 */
export async function registerTown(
  db: EcoDeskDb,
  input: { name: string; publicKey: string; fingerprint: string },
): Promise<RegisteredTown> {
  return db.transaction('rw', [db.countyTowns, db.audit, db.settings], async () => {
    const ctx = await writeContext(db);
    if (await db.countyTowns.where('name').equals(input.name).count())
      throw new InputError([
        { field: 'town', message: `“${input.name}”已经登记过。更换密钥请用“更换密钥”。` },
      ]);
    const town: RegisteredTown = {
      id: ctx.newId(),
      name: input.name,
      publicKey: input.publicKey,
      fingerprint: input.fingerprint,
      registeredAt: ctx.now,
      registeredBy: ctx.actor,
      previousKeys: [],
    };
    await db.countyTowns.add(town);
    await appendAudit(db, ctx, {
      id: ctx.newId(),
      at: ctx.now,
      actor: ctx.actor,
      table: 'countyTowns',
      recordId: town.id,
      action: 'create',
      label: `${town.name}（签名指纹 ${town.fingerprint}）`,
      before: null,
      after: { ...town },
      reason: '已与该镇核对签名指纹',
    });
    return town;
  });
}

/**
 * Re-keys a town (it changed PC, or restored onto a new one): the registered key is replaced by
 * the arriving package's, once someone compared the new fingerprint with the town's, with the
 * reason; the old key is kept in the town's record (a package it signed is refused by name) and
 * the step is an entry of the history.
 */
export async function rekeyTown(
  db: EcoDeskDb,
  input: { townId: string; publicKey: string; fingerprint: string; reason: string },
): Promise<RegisteredTown> {
  const reason = cleanText(input.reason);
  if (reason === '')
    throw new InputError([
      { field: 'reason', message: '请写明为什么更换密钥（例如：旧电脑损坏，已换新电脑）。' },
    ]);
  if ([...reason].length > 200)
    throw new InputError([{ field: 'reason', message: '原因最多 200 个字。' }]);
  return db.transaction('rw', [db.countyTowns, db.audit, db.settings], async () => {
    const ctx = await writeContext(db);
    const before = await db.countyTowns.get(input.townId);
    if (!before) throw new InputError([{ field: 'town', message: '这个乡镇没有登记。' }]);
    if (before.fingerprint === input.fingerprint)
      throw new InputError([{ field: 'town', message: '这就是该镇现在登记的密钥，不需要更换。' }]);
    const after: RegisteredTown = {
      ...before,
      publicKey: input.publicKey,
      fingerprint: input.fingerprint,
      previousKeys: [
        ...before.previousKeys,
        { fingerprint: before.fingerprint, until: ctx.now, by: ctx.actor, reason },
      ],
    };
    await db.countyTowns.put(after);
    await appendAudit(db, ctx, {
      id: ctx.newId(),
      at: ctx.now,
      actor: ctx.actor,
      table: 'countyTowns',
      recordId: after.id,
      action: 'update',
      label: `${after.name}更换密钥：${before.fingerprint} → ${after.fingerprint}`,
      before: { ...before },
      after: { ...after },
      reason: `已与该镇核对新的签名指纹；${reason}`,
    });
    return after;
  });
}

/**
 * Receives a checked package: judged again inside the write, kept with its verdict; its records
 * become the town's (a newer version of a record replacing the older) only when the verdict
 * says so. The same file twice, a wrong key or an unregistered town writes nothing.
 */
export async function receivePackage(
  db: EcoDeskDb,
  input: {
    arriving: ArrivingPackage;
    fileName: string;
    counts: Record<string, number>;
    tables: Record<string, unknown[]>;
  },
): Promise<{ verdict: ArrivalVerdict; written: number }> {
  const tables = [
    db.countyTowns,
    db.countyPackages,
    db.countyRecords,
    db.countyDigests,
    db.audit,
    db.settings,
  ];
  return db.transaction('rw', tables, async () => {
    const ctx = await writeContext(db);
    const town = await db.countyTowns.where('name').equals(input.arriving.townName).first();
    const received = town ? await db.countyPackages.where('townId').equals(town.id).toArray() : [];
    const verdict = judgeArrival({
      arriving: input.arriving,
      registered: town,
      received,
      arrivingHashAt: hashesOf(input.tables),
      historyBreak: historyBreakOf(input.tables),
    });
    if (!town || !verdict.kept) return { verdict, written: 0 };
    await db.countyPackages.add({
      id: input.arriving.sha256,
      townId: town.id,
      fileName: input.fileName,
      createdAt: input.arriving.createdAt,
      period: input.arriving.period,
      head: input.arriving.head,
      counts: input.counts,
      receivedAt: ctx.now,
      receivedBy: ctx.actor,
      verdict: verdict.kind,
      note: verdict.message,
    });
    let written = 0;
    if (verdict.replacesData) {
      const rows: CountyRecord[] = [];
      for (const table of COUNTY_TABLES)
        for (const row of (input.tables[table] ?? []) as Record<string, unknown>[])
          rows.push({ key: `${town.id}|${table}|${String(row.id)}`, townId: town.id, table, row });
      await db.countyRecords.bulkPut(rows);
      written = rows.length;
    }
    // What the overview reads of the town, made now (its records changed) or re-stamped (a
    // package kept without its data leaves them as they were).
    const stamp = stampOf(await db.countyPackages.where('townId').equals(town.id).toArray());
    const digest = verdict.replacesData ? undefined : await db.countyDigests.get(town.id);
    await db.countyDigests.put(
      digest
        ? { ...digest, stamp }
        : { townId: town.id, ...(await readTownInputs(db, town.id, stamp)) },
    );
    await appendAudit(db, ctx, {
      id: ctx.newId(),
      at: ctx.now,
      actor: ctx.actor,
      table: 'countyPackages',
      recordId: input.arriving.sha256,
      action: 'import',
      label: `接收${town.name}的数据包《${input.fileName}》`,
      before: null,
      after: null,
      reason: verdict.message,
    });
    return { verdict, written };
  });
}

async function rowsOf<T>(db: EcoDeskDb, townId: string, table: string): Promise<T[]> {
  return (await db.countyRecords.where('[townId+table]').equals([townId, table]).toArray()).map(
    (r) => r.row as T,
  );
}

type RiverMark = Pick<RiverPatrol, 'segmentId' | 'chiefId' | 'date'>;
type ForestMark = Pick<ForestPatrol, 'rangerId' | 'date'>;
/** The fields of an item the month's ledger counts (`townMonth`, `ledgerStats`). */
type LedgerFields = Pick<
  Problem,
  | 'id'
  | 'source'
  | 'villageId'
  | 'category'
  | 'status'
  | 'foundOn'
  | 'deadline'
  | 'verification'
  | 'responsiblePerson'
  | 'deletedAt'
>;

/**
 * What 全县总览 needs of one town, read once from its records and kept in memory until the town's
 * packages change: its results, its items (only the fields the month's ledger counts), its live
 * patrols and work records by month, its rivers and people. Choosing another month, or opening the
 * page again, reads no record; a town's 60,000 patrols of ten years are not read per month.
 */
interface TownInputs {
  /** The town's packages when read: a package received (or kept) changes it. */
  stamp: string;
  results: PeriodResult[];
  problems: LedgerFields[];
  river: Map<string, RiverMark[]>;
  forest: Map<string, ForestMark[]>;
  records: Map<string, number>;
  rivers: River[];
  people: Person[];
}

const overviewInputs = new WeakMap<EcoDeskDb, Map<string, TownInputs>>();

/** The same string for the same text (ids and dates repeat across a town's patrols). */
function interner() {
  const seen = new Map<string, string>();
  return (text: string) => {
    const kept = seen.get(text);
    if (kept !== undefined) return kept;
    seen.set(text, text);
    return text;
  };
}

function add<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Which packages a town's digest was made from. */
const stampOf = (packages: readonly ReceivedPackage[]) =>
  packages
    .map((p) => `${p.id}@${p.receivedAt}`)
    .sort()
    .join(',');

/** Every town's digest made again from its records (after a restore brought them back). */
export async function rebuildCountyDigests(db: EcoDeskDb): Promise<void> {
  await db.countyDigests.clear();
  for (const town of await db.countyTowns.toArray()) {
    const stamp = stampOf(await db.countyPackages.where('townId').equals(town.id).toArray());
    await db.countyDigests.put({ townId: town.id, ...(await readTownInputs(db, town.id, stamp)) });
  }
}

async function readTownInputs(db: EcoDeskDb, townId: string, stamp: string): Promise<TownInputs> {
  const [results, problems, river, forest, records, rivers, people] = await Promise.all([
    rowsOf<PeriodResult>(db, townId, 'results'),
    rowsOf<Problem>(db, townId, 'problems'),
    rowsOf<RiverPatrol>(db, townId, 'riverPatrols'),
    rowsOf<ForestPatrol>(db, townId, 'forestPatrols'),
    rowsOf<{ date: string; deletedAt?: string }>(db, townId, 'workRecords'),
    rowsOf<River>(db, townId, 'rivers'),
    rowsOf<Person>(db, townId, 'people'),
  ]);
  const same = interner();
  const inputs: TownInputs = {
    stamp,
    results,
    problems: problems.map((p) => ({
      id: p.id,
      source: p.source,
      villageId: p.villageId,
      category: same(p.category),
      status: p.status,
      foundOn: same(p.foundOn),
      deadline: same(p.deadline),
      verification: p.verification,
      responsiblePerson: same(p.responsiblePerson),
      deletedAt: p.deletedAt,
    })),
    river: new Map(),
    forest: new Map(),
    records: new Map(),
    rivers,
    people,
  };
  // A deleted patrol counts neither among the month's patrols nor for compliance.
  for (const p of river)
    if (!p.deletedAt)
      add(inputs.river, p.date.slice(0, 7), {
        segmentId: same(p.segmentId),
        chiefId: same(p.chiefId),
        date: same(p.date),
      });
  for (const p of forest)
    if (!p.deletedAt)
      add(inputs.forest, p.date.slice(0, 7), { rangerId: same(p.rangerId), date: same(p.date) });
  for (const r of records)
    if (!r.deletedAt) {
      const month = r.date.slice(0, 7);
      inputs.records.set(month, (inputs.records.get(month) ?? 0) + 1);
    }
  return inputs;
}

/** Every river chief's and ranger's compliance in a month, as far as the month has gone. */
function compliance(input: {
  rivers: River[];
  people: Person[];
  river: readonly RiverMark[];
  forest: readonly ForestMark[];
  month: string;
  today: string;
}) {
  const end = lastDayOfMonth(input.month);
  const rows = monthCompliance({
    rivers: input.rivers.filter((r) => !r.deletedAt),
    people: input.people.filter((p) => !p.deletedAt),
    river: input.river,
    forest: input.forest,
    rules: DEFAULT_PATROL_RULES,
    month: input.month,
    asOf: input.today < end ? input.today : end,
  });
  return [...rows.river, ...rows.rangers];
}

/** 全县总览: every registered town's figures for a month. */
export async function loadOverview(
  db: EcoDeskDb,
  month: string,
  today: string,
): Promise<TownMonth[]> {
  const tables = [db.countyTowns, db.countyPackages, db.countyRecords, db.countyDigests];
  let cache = overviewInputs.get(db);
  if (!cache) overviewInputs.set(db, (cache = new Map<string, TownInputs>()));
  const kept = cache;
  return db.transaction('r', tables, async () => {
    const towns = await db.countyTowns.toArray();
    const rows = await Promise.all(
      towns.map(async (town) => {
        const packages = await db.countyPackages.where('townId').equals(town.id).toArray();
        const stamp = stampOf(packages);
        let inputs = kept.get(town.id);
        if (inputs?.stamp !== stamp) {
          // The digest kept when its package came; the records only if there is none (yet).
          const digest = (await db.countyDigests.get(town.id)) as
            (TownInputs & { townId: string }) | undefined;
          inputs = digest?.stamp === stamp ? digest : await readTownInputs(db, town.id, stamp);
          kept.set(town.id, inputs);
        }
        const taken = packages
          .filter((p) => p.verdict === 'current' || p.verdict === 'newChain')
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        const river = inputs.river.get(month) ?? [];
        const forest = inputs.forest.get(month) ?? [];
        return townMonth({
          townId: town.id,
          town: town.name,
          month,
          today,
          results: inputs.results,
          // Only the fields the month's ledger reads (LedgerFields).
          problems: inputs.problems as Problem[],
          patrolDates: [...river, ...forest].map((p) => p.date),
          // Against the county's rules (the defaults of DOMAIN.md), the same for every town.
          compliance: compliance({
            rivers: inputs.rivers,
            people: inputs.people,
            river,
            forest,
            month,
            today,
          }),
          // The month's live work records, counted when read (each dated within the month).
          recordDates: Array.from({ length: inputs.records.get(month) ?? 0 }, () => month),
          lastPackageAt: taken[0]?.createdAt ?? null,
        });
      }),
    );
    return rows.sort((a, b) => a.town.localeCompare(b.town, 'zh-CN'));
  });
}

/** One town, read only: its villages and its ledger items as its packages brought them. */
export async function loadTownDrill(db: EcoDeskDb, townId: string) {
  return db.transaction('r', [db.countyTowns, db.countyRecords], async () => {
    const town = await db.countyTowns.get(townId);
    if (!town) return null;
    const [villages, problems] = await Promise.all([
      rowsOf<Village>(db, townId, 'villages'),
      rowsOf<Problem>(db, townId, 'problems'),
    ]);
    return {
      town,
      villages: villages.filter((v) => !v.deletedAt).sort((a, b) => a.order - b.order),
      problems: problems
        .filter((p) => !p.deletedAt)
        .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.number.localeCompare(b.number)),
    };
  });
}
