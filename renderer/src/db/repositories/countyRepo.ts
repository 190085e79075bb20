import {
  judgeArrival,
  type ArrivalVerdict,
  type ArrivingPackage,
  type ReceivedPackage,
  type RegisteredTown,
  type TownMonth,
} from '@shared/domain/county';
import type { PeriodResult } from '@shared/domain/assessment';
import { verifyPartialChain, type ChainLinks } from '@shared/domain/auditChain';
import {
  DIGEST_VERSION,
  digestTown,
  drillStats,
  figuresOf,
  monthFromDigest,
  type ForestMark,
  type RiverMark,
  type TownDigest,
  type TownInputs,
} from '@shared/domain/countyDigest';
import { toIsoDate } from '@shared/domain/dates';
import { ledgerStats } from '@shared/domain/ledgerStats';
import type { ForestPatrol, River, RiverPatrol } from '@shared/domain/patrol';
import { daysBetween } from '@shared/domain/period';
import type { Person } from '@shared/domain/person';
import type { Problem } from '@shared/domain/problem';
import type { Village } from '@shared/domain/village';
import { cleanText } from '@shared/domain/validation';
import { InputError } from '../errors';
import type { CountyDigest, CountyRecord, EcoDeskDb } from '../schema';
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
    db.countyItemOrder,
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
    // What the overview and the drill-down read of the town, made now (its records changed)
    // or re-stamped (a package kept without its data leaves them as they were).
    const stamp = stampOf(await db.countyPackages.where('townId').equals(town.id).toArray());
    const digest = verdict.replacesData ? undefined : await db.countyDigests.get(town.id);
    const order = verdict.replacesData ? undefined : await db.countyItemOrder.get(town.id);
    if (digest && order) {
      await db.countyDigests.put({ ...digest, stamp });
      await db.countyItemOrder.put({ ...order, stamp });
    } else await keepDigest(db, town.id, stamp, dayOf(ctx.now));
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

/** What 全县总览 counted of each town this session: its digest, or its records when none fits. */
interface Counted {
  stamp: string;
  digest?: TownDigest;
  inputs?: TownInputs;
}
const overviewInputs = new WeakMap<EcoDeskDb, Map<string, Counted>>();

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

/** The county's day, as its screens count it. */
const dayOf = (iso: string) => toIsoDate(new Date(iso));

/**
 * A town's digest and its items' order made from its records and kept (in the caller's
 * transaction, which holds countyRecords, countyDigests and countyItemOrder).
 */
async function keepDigest(db: EcoDeskDb, townId: string, stamp: string, today: string) {
  const { inputs, order: keys } = await readTown(db, townId);
  const digest: CountyDigest = { townId, stamp, ...digestTown(inputs, today) };
  await db.countyDigests.put(digest);
  await db.countyItemOrder.put({ townId, stamp, keys });
}

/** Every town's digest made again from its records (after a restore brought them back). */
export async function rebuildCountyDigests(db: EcoDeskDb): Promise<void> {
  await db.countyDigests.clear();
  await db.countyItemOrder.clear();
  const today = toIsoDate(new Date());
  for (const town of await db.countyTowns.toArray()) {
    const stamp = stampOf(await db.countyPackages.where('townId').equals(town.id).toArray());
    await keepDigest(db, town.id, stamp, today);
  }
}

/** The keys of a town's live items in the drill-down's order: by deadline, then number. */
const orderOf = (townId: string, problems: readonly Problem[]) =>
  problems
    .filter((p) => !p.deletedAt)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.number.localeCompare(b.number))
    .map((p) => `${townId}|problems|${p.id}`);

const readTownInputs = async (db: EcoDeskDb, townId: string) => (await readTown(db, townId)).inputs;

/** A town's records as the figures read them, and its items' order for the drill-down. */
async function readTown(
  db: EcoDeskDb,
  townId: string,
): Promise<{ inputs: TownInputs; order: string[] }> {
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
  const byMonthRiver = new Map<string, RiverMark[]>();
  const byMonthForest = new Map<string, ForestMark[]>();
  const byMonthRecords = new Map<string, number>();
  // A deleted patrol counts neither among the month's patrols nor for compliance.
  for (const p of river)
    if (!p.deletedAt)
      add(byMonthRiver, p.date.slice(0, 7), {
        segmentId: same(p.segmentId),
        chiefId: same(p.chiefId),
        date: same(p.date),
      });
  for (const p of forest)
    if (!p.deletedAt)
      add(byMonthForest, p.date.slice(0, 7), { rangerId: same(p.rangerId), date: same(p.date) });
  for (const r of records)
    if (!r.deletedAt) {
      const month = r.date.slice(0, 7);
      byMonthRecords.set(month, (byMonthRecords.get(month) ?? 0) + 1);
    }
  const inputs: TownInputs = {
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
    river: byMonthRiver,
    forest: byMonthForest,
    records: byMonthRecords,
    rivers,
    people,
  };
  return { inputs, order: orderOf(townId, problems) };
}

/**
 * A town's digest that fits its packages: the one kept this session, the one kept in the
 * database, or one made from its records (a county PC of an older version, before its next
 * receipt), kept in memory only (the caller's transaction reads).
 */
async function countedFor(db: EcoDeskDb, townId: string, stamp: string): Promise<Counted> {
  let cache = overviewInputs.get(db);
  if (!cache) overviewInputs.set(db, (cache = new Map<string, Counted>()));
  const kept = cache.get(townId);
  if (kept?.stamp === stamp) return kept;
  const stored = await db.countyDigests.get(townId);
  const entry: Counted =
    stored?.stamp === stamp && stored.version === DIGEST_VERSION
      ? { stamp, digest: stored }
      : { stamp, inputs: await readTownInputs(db, townId) };
  cache.set(townId, entry);
  return entry;
}

/** 全县总览: every registered town's figures for a month. */
export async function loadOverview(
  db: EcoDeskDb,
  month: string,
  today: string,
): Promise<TownMonth[]> {
  const tables = [db.countyTowns, db.countyPackages, db.countyRecords, db.countyDigests];
  return db.transaction('r', tables, async () => {
    const towns = await db.countyTowns.toArray();
    const rows = await Promise.all(
      towns.map(async (town): Promise<TownMonth> => {
        const packages = await db.countyPackages.where('townId').equals(town.id).toArray();
        const entry = await countedFor(db, town.id, stampOf(packages));
        // A month the digest cannot tell (older than it keeps, or a clock set back before it
        // was made) is counted from the records, read once and kept with it.
        let figures = entry.digest ? monthFromDigest(entry.digest, month, today) : null;
        if (!figures) {
          entry.inputs ??= await readTownInputs(db, town.id);
          figures = figuresOf(entry.inputs, month, today);
        }
        const taken = packages
          .filter((p) => p.verdict === 'current' || p.verdict === 'newChain')
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        const lastPackageAt = taken[0]?.createdAt ?? null;
        return {
          townId: town.id,
          town: town.name,
          ...figures,
          lastPackageAt,
          waitedDays: lastPackageAt ? daysBetween(lastPackageAt.slice(0, 10), today) : null,
        };
      }),
    );
    return rows.sort((a, b) => a.town.localeCompare(b.town, 'zh-CN'));
  });
}

/**
 * One town, read only: its villages, its ledger counted by source and category on `today`, and
 * its first `limit` items by deadline, as its packages brought them.
 */
export async function loadTownDrill(db: EcoDeskDb, townId: string, limit: number, today: string) {
  const tables = [
    db.countyTowns,
    db.countyPackages,
    db.countyRecords,
    db.countyDigests,
    db.countyItemOrder,
  ];
  return db.transaction('r', tables, async () => {
    const town = await db.countyTowns.get(townId);
    if (!town) return null;
    const stamp = stampOf(await db.countyPackages.where('townId').equals(townId).toArray());
    const [villages, entry, order] = await Promise.all([
      rowsOf<Village>(db, townId, 'villages'),
      countedFor(db, townId, stamp),
      db.countyItemOrder.get(townId),
    ]);
    const keys =
      order?.stamp === stamp
        ? order.keys
        : orderOf(townId, await rowsOf<Problem>(db, townId, 'problems'));
    const shown = await db.countyRecords.bulkGet(keys.slice(0, limit));
    return {
      town,
      villages: villages.filter((v) => !v.deletedAt).sort((a, b) => a.order - b.order),
      stats: entry.digest
        ? drillStats(entry.digest, today)
        : ledgerStats(entry.inputs!.problems.filter((p) => !p.deletedAt) as Problem[], today),
      total: keys.length,
      problems: shown.flatMap((r) => (r ? [r.row as unknown as Problem] : [])),
    };
  });
}
