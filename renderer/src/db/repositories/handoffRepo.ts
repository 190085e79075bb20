import { tallyOf } from '@shared/domain/ledgerStats';
import { changeTally } from './ledgerTally';
import { toIsoDate } from '@shared/domain/dates';
import { isMonthKey } from '@shared/domain/period';
import {
  decisionKey,
  isDecided,
  lastCommonVersion,
  mergedRevision,
  planMerge,
  recordsToWrite,
  wantsBase,
  type Decision,
  type ImportPlan,
  type MergePlan,
  type Row,
} from '@shared/handoff/merge';
import { stamp, type BaseRecord } from '@shared/domain/record';
import {
  checkInterval,
  DEFAULT_HANDOFF_INTERVAL_DAYS,
  handoffDue,
  type ExportChoice,
  type HandoffLogEntry,
  type HandoffLogInput,
} from '@shared/handoff/log';
import { SETUP_COMPLETED_KEY } from './settingsRepo';
import { COUNTY_NAME_KEY, INSTALLATION_KIND_KEY, rebuildCountyDigests } from './countyRepo';
import { COUNTY_DESK_TOWN_ID, type PackageContents } from '@shared/handoff/package';
import Dexie from 'dexie';
import type { AuditEntry } from '@shared/domain/audit';
import { checkArrivingHistory, type ChainLinks } from '@shared/domain/auditChain';
import { BUILT_IN_AUDIT_ID } from './assessmentRepo';
import type { Problem } from '@shared/domain/problem';
import type { Account } from '@shared/domain/accounts';
import { renumberClashes } from '@shared/domain/ledger';
import { auditWithoutPrivate, withoutPrivate } from '@shared/domain/privacy';
import { restorePreview, type RestorePreview } from '@shared/handoff/restorePreview';
import type { BackupReason } from '@shared/handoff/backups';
import { NEVER_IMPORTED } from '@shared/handoff/recordCheck';
import { InputError } from '../errors';
import { assertRecords, heldIds } from '../packageRecords';
import type { EcoDeskDb } from '../schema';
import { attachmentBytes, attachmentOf, attachmentType, listAttachments } from '../attachments';
import {
  ACCOUNTS_REQUIRED_KEY,
  INSTALLATION_KEY,
  newInstallationId,
  OPERATOR_KEY,
  appendAudit,
  chainHead,
  installationOf,
  recordAudit,
  writeContext,
  type WriteContext,
} from '../writeContext';

/**
 * Hand-off packages and the database: what an export collects, and an import's dry run and
 * commit. The package format and its checks are `shared/handoff`; signing is the platform's.
 */

/** The tables a package carries, with their key field. The tally is derived and rebuilt. */
export const HANDOFF_TABLES = {
  town: 'id',
  villages: 'id',
  people: 'id',
  ruleDocuments: 'id',
  standards: 'id',
  periods: 'id',
  deductions: 'id',
  villageChecks: 'id',
  results: 'id',
  dueActions: 'id',
  problems: 'id',
  audit: 'id',
  settings: 'key',
  attachments: 'id',
  handoffs: 'id',
  briefings: 'id',
  rivers: 'id',
  riverPatrols: 'id',
  forestPlots: 'id',
  forestPatrols: 'id',
  workRecords: 'id',
  summaries: 'id',
} as const;
export type HandoffTable = keyof typeof HANDOFF_TABLES;

/**
 * The county desk's own tables: only in a county PC's backup (never in a package, never
 * imported), restored with the rest.
 */
export const COUNTY_BACKUP_TABLES = {
  countyTowns: 'id',
  countyPackages: 'id',
  countyRecords: 'key',
  countyFeedback: 'id',
} as const;
type CountyBackupTable = keyof typeof COUNTY_BACKUP_TABLES;
const isCountyInstallation = async (db: EcoDeskDb) =>
  (await db.settings.get(INSTALLATION_KIND_KEY))?.value === 'county';
/** What a package or backup holds: the hand-off tables, and a backup's accounts. */
export type PackedTable = HandoffTable | 'accounts' | CountyBackupTable;

export const BACKUP_FAILURE_KEY = 'backup.failure';

/** Settings that describe this PC, not the town's data: never exported or imported. */
const LOCAL_SETTINGS = new Set([
  'storagePersisted',
  BACKUP_FAILURE_KEY,
  // Who sits at this PC: another PC's operator never becomes this one's.
  OPERATOR_KEY,
  INSTALLATION_KEY,
  // Whether this PC's writes need a signed-in account: its accounts never travel.
  ACCOUNTS_REQUIRED_KEY,
]);
/** Kept by earlier versions per package maker; no longer used, never exchanged. */
const LAST_EXCHANGE = 'handoff.lastExchange.';

const isLocalSetting = (key: string) => LOCAL_SETTINGS.has(key) || key.startsWith(LAST_EXCHANGE);

const inRange = (month: string, choice: ExportChoice) =>
  (choice.from === '' || month >= choice.from) && (choice.to === '' || month <= choice.to);

/**
 * Everything a package of this choice holds (records per table, attachment bytes). The tables are
 * read in parallel, and each is given to `onTable` as soon as it is complete, so that the caller
 * can pack it while the rest are still being read.
 */
export async function collectExport(
  db: EcoDeskDb,
  choice: ExportChoice,
  onTable: (table: PackedTable, rows: unknown[]) => void = () => undefined,
  /**
   * A backup is this PC's own and keeps everything. What leaves the PC has no private field, and
   * neither this PC's town and settings (an import never replaces them) nor its hand-off log
   * (what it sent and received is its own record, not the town's data).
   */
  {
    backup = false,
    onFile,
  }: {
    backup?: boolean;
    /** Each attachment's bytes as soon as they are read (else they come back in `files`). */
    onFile?: (name: string, bytes: Uint8Array) => void;
  } = {},
): Promise<Pick<PackageContents, 'tables' | 'files' | 'town' | 'period' | 'history'>> {
  const files: Record<string, Uint8Array> = {};
  const give = onFile ?? ((name: string, bytes: Uint8Array) => (files[name] = bytes));
  // An older schema (a backup before a migration) may lack some tables: they are left out.
  const present = new Set(db.tables.map((t) => t.name));
  // A backup keeps this PC's accounts too (restored only onto a PC without any), and on the
  // county desk its registrations, received packages and records, and feedback lists.
  const county = backup && (await isCountyInstallation(db));
  const names = [
    ...Object.keys(HANDOFF_TABLES),
    ...(backup ? ['accounts'] : []),
    ...(county ? Object.keys(COUNTY_BACKUP_TABLES) : []),
  ];
  const read = await db.transaction(
    'r',
    names.filter((t) => present.has(t)),
    async () => {
      const ownTown = (await db.town.toArray())[0];
      // The county desk has no town: its backup is named for the county.
      const stored = county ? (await db.settings.get(COUNTY_NAME_KEY))?.value : '';
      const countyName = typeof stored === 'string' ? stored : '';
      const town =
        ownTown ??
        (county ? { id: COUNTY_DESK_TOWN_ID, name: `${countyName}（县级工作台）` } : null);
      if (!town) throw new InputError([{ field: 'town', message: '还没有设置乡镇，无法导出。' }]);
      const tables: Partial<Record<PackedTable, unknown[]>> = {};
      const done = (table: PackedTable, read: unknown[]) => {
        const rows = backup
          ? read
          : table === 'audit'
            ? (read as AuditEntry[]).map(auditWithoutPrivate)
            : read.map((r) => withoutPrivate(table, r));
        tables[table] = rows;
        onTable(table, rows);
      };
      type Row = Record<string, unknown>;
      const all = (table: PackedTable): Promise<Row[]> =>
        present.has(table) ? db.table(table).toArray() : Promise.resolve([]);
      const whole = (table: PackedTable) => all(table).then((rows) => done(table, rows));
      const where = (table: HandoffTable, keep: (row: Row) => boolean) =>
        all(table).then((rows) => done(table, rows.filter(keep)));
      // Records dated in a month go with that month.
      const monthOf = (field: string) => (row: Row) =>
        inRange(String(row[field]).slice(0, 7), choice);

      if (backup && ownTown) done('town', [ownTown]);
      // Requests are answered in the order they are made: the largest tables first, so that
      // they are packed while the small ones are still being read (the villages before them:
      // the ledger's readable copy names them).
      const reads: Promise<void>[] = [whole('villages')];
      if (choice.ledger) reads.push(where('problems', monthOf('foundOn')));
      reads.push(where('forestPatrols', monthOf('date')), where('riverPatrols', monthOf('date')));
      if (choice.assessment) {
        const periods = all('periods').then((rows) => rows.filter(monthOf('id')));
        const inPeriods = (table: HandoffTable) =>
          Promise.all([all(table), periods]).then(([rows, kept]) => {
            const ids = new Set(kept.map((p) => p.id));
            done(
              table,
              rows.filter((r) => ids.has(r.periodId)),
            );
          });
        reads.push(
          periods.then((rows) => done('periods', rows)),
          inPeriods('deductions'),
          inPeriods('villageChecks'),
          where('results', monthOf('id')),
          where('dueActions', monthOf('periodKey')),
        );
      }
      reads.push(
        where('workRecords', monthOf('date')),
        whole('people'),
        whole('ruleDocuments'),
        whole('standards'),
        ...(backup
          ? [
              whole('handoffs'),
              where('settings', (s) => !isLocalSetting(String(s.key))),
              whole('accounts'),
            ]
          : []),
        whole('rivers'),
        whole('forestPlots'),
        whole('summaries'),
        ...(county ? Object.keys(COUNTY_BACKUP_TABLES).map((t) => whole(t as PackedTable)) : []),
        where('briefings', (b) => inRange(String(b.month), choice)),
      );
      // The attachments' records, last: the bytes of those stored as a Blob are read outside the
      // transaction (waiting for anything but the database would end it; reading them alongside
      // the tables slowed the tables down).
      const attachments = choice.attachments ? db.attachments.toArray() : Promise.resolve([]);
      await Promise.all(reads);
      // The history of what is exported (and of whole-table events).
      const exportedIds = new Set(
        Object.values(tables).flatMap((rows) => rows.map((r) => (r as { id?: string }).id)),
      );
      // (A county desk's backup keeps its whole history: its records are keyed otherwise.)
      if (county) await whole('audit');
      else await where('audit', (e) => e.recordId === '*' || exportedIds.has(e.recordId as string));
      // Where this PC's history stands, signed into the manifest.
      const own = await installationOf(db);
      const head = own ? await chainHead(db, own) : null;
      return {
        town,
        tables,
        attachments: await attachments,
        history: head ? { chain: own, ...head } : undefined,
      };
    },
  );
  const attachmentRows = await Promise.all(
    read.attachments.map(async (a) => {
      const stored = await attachmentBytes(a);
      // Its own buffer, whole: it is moved to the packer.
      const bytes =
        stored.byteOffset === 0 && stored.byteLength === stored.buffer.byteLength
          ? stored
          : stored.slice();
      // Its size before it is given away (a transfer to a worker empties it here).
      const row = { id: a.id, type: attachmentType(a), size: bytes.length };
      give(`attachments/${a.id}`, bytes);
      return row;
    }),
  );
  read.tables.attachments = attachmentRows;
  onTable('attachments', attachmentRows);
  return {
    tables: read.tables,
    files,
    town: { id: read.town.id, name: read.town.name },
    period: packagePeriod(choice, read.tables),
    ...(read.history ? { history: read.history } : {}),
  };
}

/** The months a package covers: the chosen ones, else those of the dated records it holds. */
function packagePeriod(
  choice: ExportChoice,
  tables: Partial<Record<HandoffTable, unknown[]>>,
): { from: string; to: string } {
  const now = toIsoDate(new Date()).slice(0, 7);
  if (choice.from && choice.to) return { from: choice.from, to: choice.to };
  // The earliest and the latest month, in one pass (ten years are about 80,000 dated records).
  let first = '';
  let last = '';
  const dated: [HandoffTable, string][] = [
    ['periods', 'id'],
    ['problems', 'foundOn'],
    ['riverPatrols', 'date'],
    ['forestPatrols', 'date'],
    ['workRecords', 'date'],
  ];
  for (const [table, field] of dated)
    for (const row of tables[table] ?? []) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value !== 'string') continue;
      const month = value.slice(0, 7);
      if (!isMonthKey(month)) continue;
      if (first === '' || month < first) first = month;
      if (month > last) last = month;
    }
  return { from: choice.from || first || now, to: choice.to || last || now };
}

/** The history entries of a package this PC does not have yet (by id). */
function newHistory(rows: readonly unknown[], here: { has(id: string): boolean }): Row[] {
  return (rows as Row[]).filter((r) => !here.has(String(r?.id)));
}

/**
 * Why arriving history entries may not be kept (checkArrivingHistory), with what this PC holds
 * of each other installation's chain. Inside the caller's transaction.
 */
async function historyProblem(db: EcoDeskDb, arriving: readonly Row[]): Promise<string | null> {
  const own = await installationOf(db);
  const chains = new Set(
    arriving.map((e) => e.chain).filter((c): c is string => typeof c === 'string'),
  );
  const held = new Map<string, ChainLinks[]>();
  for (const chain of chains)
    held.set(
      chain,
      (await db.audit
        .where('[chain+seq]')
        .between([chain, Dexie.minKey], [chain, Dexie.maxKey])
        .toArray()) as ChainLinks[],
    );
  return checkArrivingHistory(arriving, own, (chain) => held.get(chain) ?? [], BUILT_IN_AUDIT_ID);
}

const NOT_SET_UP =
  '这台电脑还没有设置乡镇，数据交换包只能导入到已设置好的电脑。新电脑请用本镇另一台电脑的备份恢复（在那台电脑的 数据交换 → 本机的备份 中点“另存…”，把备份文件复制过来），或先完成首次使用设置。';

/**
 * The dry run of importing verified package tables, against the local data. Every record is
 * checked first (shared/handoff/recordCheck.ts): a package carrying this PC's own tables (town,
 * settings, accounts, hand-off log), an unknown table, a record not of its table's shape or
 * pointing at nothing is refused with every problem named. For a record both sides changed,
 * the last version both had is found in the history both hold: the audit entries of that
 * record on this PC that the package carries too.
 */
export async function planImport(
  db: EcoDeskDb,
  tables: Record<string, unknown[]>,
): Promise<ImportPlan> {
  // A package adds to a town's data and never brings the town: a new PC starts from a backup.
  if (await isCountyInstallation(db))
    throw new InputError([
      {
        field: 'town',
        message:
          '这是县级工作台：乡镇的数据交换包请在“接收数据”里接收；这里只恢复县级工作台自己的备份。',
      },
    ]);
  if ((await db.town.count()) === 0) throw new InputError([{ field: 'town', message: NOT_SET_UP }]);
  assertRecords(tables, { purpose: 'import', held: await heldIds(db) });
  return db.transaction('r', Object.keys(HANDOFF_TABLES), async () => {
    const local: Record<string, Map<string, Row>> = {};
    for (const [table, key] of Object.entries(HANDOFF_TABLES)) {
      if (!(table in tables)) continue;
      // A file by what it is, not its bytes (read a page at a time).
      const rows = (
        table === 'attachments' ? await listAttachments(db) : await db.table(table).toArray()
      ) as Row[];
      local[table] = new Map(rows.map((r) => [String(r[key]), r]));
    }
    // The history is only ever added to: an entry this PC has is never replaced, and the rest
    // must check out (docs/audit-chain.md).
    const arriving = newHistory(tables.audit ?? [], local.audit ?? new Map());
    const problem = await historyProblem(db, arriving);
    if (problem) throw new InputError([{ field: 'audit', message: problem }]);
    // What an import never takes was refused above unless empty.
    const incoming = Object.fromEntries(
      Object.entries(tables).filter(([t]) => !NEVER_IMPORTED.includes(t)),
    );
    // The last versions both PCs had, from the history both hold; then only what is new of it.
    const bases = await commonVersions(db, incoming, local);
    const plan = planMerge({
      incoming: { ...incoming, ...(incoming.audit ? { audit: arriving } : {}) },
      local,
      keyOf: HANDOFF_TABLES,
      base: (table, id) => bases.get(`${table}/${id}`),
    });
    return { ...plan, renumbered: clashes(plan, local.problems ?? new Map()) };
  });
}

/** The arriving ledger items whose number an item here already holds (two PCs numbering). */
function clashes(plan: MergePlan, local: ReadonlyMap<string, Row>): ImportPlan['renumbered'] {
  const arriving = plan.items
    .filter((i) => i.table === 'problems' && i.incoming)
    .filter((i) => i.kind === 'new' || i.kind === 'changed')
    .map((i) => i.incoming as unknown as Problem);
  const here = [...local.values()].map((p) => ({ id: String(p.id), number: String(p.number) }));
  const renumbered = renumberClashes(here, arriving);
  return arriving
    .filter((p) => renumbered.has(p.id))
    .map((p) => ({
      id: p.id,
      from: p.number,
      to: renumbered.get(p.id)!,
      description: p.description,
    }));
}

/**
 * For each record both sides changed: the last version both had, from the audit entries this PC
 * holds for it that the package holds too (same entry id). Inside the caller's transaction.
 */
async function commonVersions(
  db: EcoDeskDb,
  incoming: Record<string, readonly unknown[]>,
  local: Record<string, ReadonlyMap<string, Row>>,
): Promise<Map<string, Row>> {
  const theirHistory = new Set(
    ((incoming.audit ?? []) as { id?: unknown }[]).map((e) => String(e.id)),
  );
  const bases = new Map<string, Row>();
  for (const [table, rows] of Object.entries(incoming)) {
    if (table === 'audit' || table === 'settings' || table === 'attachments') continue;
    for (const raw of rows as Row[]) {
      const id = typeof raw?.id === 'string' ? raw.id : '';
      const mine = id ? local[table]?.get(id) : undefined;
      if (!mine || !wantsBase(table, mine, raw)) continue;
      const history = await db.audit.where('[table+recordId]').equals([table, id]).toArray();
      const shared = history.filter((e) => theirHistory.has(e.id));
      const base = lastCommonVersion(shared);
      if (base) bases.set(`${table}/${id}`, base);
    }
  }
  return bases;
}

/**
 * Commits a dry run in one strict transaction: the records taken as they arrive, attachment
 * bytes, every record both sides changed merged as decided (stamped with a revision that includes
 * both sides', and its history entry, so that the history's last entry is the record as stored),
 * the rebuilt ledger tally, an audit entry per table and the log entry. Everything or nothing.
 */
export async function commitImport(
  db: EcoDeskDb,
  input: {
    plan: MergePlan;
    decisions: ReadonlyMap<string, Decision>;
    attachment: (id: string) => Uint8Array;
    log: HandoffLogInput;
  },
): Promise<Record<string, number>> {
  const undecided = input.plan.items.filter(
    (i) => !isDecided(i, input.decisions.get(decisionKey(i))),
  );
  if (undecided.length > 0)
    throw new InputError([
      {
        field: 'conflict',
        message: `还有 ${undecided.length} 条双方都改过的记录没有选择用哪一方的。`,
      },
    ]);
  const { taken, merged } = recordsToWrite(input.plan, input.decisions);
  // Never this PC's own tables, whatever a plan holds (planImport refuses them).
  for (const table of NEVER_IMPORTED) delete taken[table];
  if (merged.some((m) => NEVER_IMPORTED.includes(m.item.table)))
    throw new InputError([
      { field: 'records', message: '导入从不替换本机的乡镇、设置、账号和交换记录。' },
    ]);
  const tables = [...Object.keys(HANDOFF_TABLES), 'ledgerTally'];
  return db.transaction('rw', tables, async () => {
    const ctx = await writeContext(db);
    // The items here that the import writes over, as they are before it (for the tally).
    const replaced = await itemsHere(db, [
      ...(taken.problems ?? []),
      ...merged.filter((m) => m.item.table === 'problems').map((m) => m.record),
    ]);
    const arrived: Problem[] = [];
    if (taken.problems) {
      taken.problems = await numbered(db, ctx, taken.problems);
      arrived.push(...(taken.problems as unknown as Problem[]));
    }
    const written = await writeTables(db, taken, input.attachment);
    for (const { item, record } of merged) {
      const local = item.local as unknown as BaseRecord;
      const incoming = item.incoming as unknown as BaseRecord;
      const after = stamp<BaseRecord>(
        { ...(record as unknown as BaseRecord), rev: mergedRevision(item) },
        {
          ...ctx,
          // After both sides' last writes, whatever this PC's clock says (record.ts `stamp`).
          existing: {
            ...local,
            rev: mergedRevision(item),
            updatedAt: incoming.updatedAt > local.updatedAt ? incoming.updatedAt : local.updatedAt,
          },
        },
      );
      await db.table(item.table).put(after);
      if (item.table === 'problems') arrived.push(after as unknown as Problem);
      await appendAudit(db, ctx, {
        id: ctx.newId(),
        at: ctx.now,
        actor: ctx.actor,
        table: item.table,
        recordId: after.id,
        action: 'merge',
        label: mergeLabel(after as unknown as Row),
        before: { ...item.local },
        after: { ...after },
      });
      written[item.table] = (written[item.table] ?? 0) + 1;
    }
    // Kept in step like every write of items: what was here taken away, what arrived added.
    if (arrived.length > 0) await changeTally(db, replaced, arrived);
    for (const [table, count] of Object.entries(written))
      await appendAudit(
        db,
        ctx,
        importEntry(ctx, table, `导入数据交换包《${input.log.place}》：${count} 条`),
      );
    await addLogEntry(db, ctx, 'import', input.log);
    return written;
  });
}

/**
 * The arriving ledger items as they are written here: one whose number an item here holds gets
 * the next free number (its history says why), and items already here are written first, so
 * that a number one of them gives up is free for a new one. Inside the import's transaction.
 */
async function numbered(db: EcoDeskDb, ctx: WriteContext, rows: Row[]): Promise<Row[]> {
  // Each item's id and number from the number index alone (the same order: a number is unique).
  const byNumber = db.problems.orderBy('number');
  const [ids, numbers] = await Promise.all([byNumber.primaryKeys(), byNumber.keys()]);
  const here = ids.map((id, i) => ({ id, number: numbers[i] as string }));
  const known = new Set(here.map((p) => p.id));
  const renumbered = renumberClashes(here, rows as unknown as Problem[]);
  const out: Row[] = [];
  for (const row of rows) {
    const to = renumbered.get(String(row.id));
    if (!to) {
      out.push(row);
      continue;
    }
    const before = row as unknown as Problem;
    const after = stamp<Problem>({ ...before, number: to }, { ...ctx, existing: before });
    await recordAudit(
      db,
      ctx,
      'problems',
      before,
      after,
      after.number,
      `两台电脑各自编了 ${before.number}：本机已有这个编号，对方的这条改为 ${to}`,
    );
    out.push(after as unknown as Row);
  }
  return out.sort((a, b) => Number(!known.has(String(a.id))) - Number(!known.has(String(b.id))));
}

/** The items of these records this PC holds, as they are now (inside the caller's transaction). */
async function itemsHere(db: EcoDeskDb, rows: readonly Row[]): Promise<Problem[]> {
  if (rows.length === 0) return [];
  const held = new Set(await db.problems.toCollection().primaryKeys());
  const ids = rows.map((r) => String(r.id)).filter((id) => held.has(id));
  return (await db.problems.bulkGet(ids)).filter((p): p is Problem => p !== undefined);
}

/** The history's label of a merged record: its own name, and that both PCs' changes are in it. */
function mergeLabel(after: Row): string {
  for (const field of ['number', 'name', 'title', 'label', 'date']) {
    const value = after[field];
    if (typeof value === 'string' && value) return `${value}：合并本机与对方电脑的修改`;
  }
  return '合并本机与对方电脑的修改';
}

/** Writes package records table by table (attachments from the package's bytes); counts them. */
async function writeTables(
  db: EcoDeskDb,
  tables: Record<string, readonly unknown[]>,
  attachment: (id: string) => Uint8Array,
): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const [table, rows] of Object.entries(tables)) {
    // (The county desk's tables reach here only from its own backup: an import refuses them.)
    if (!(table in HANDOFF_TABLES) && !(table in COUNTY_BACKUP_TABLES)) continue;
    if (table === 'attachments') {
      await db.attachments.bulkPut(
        (rows as { id: string; type?: unknown }[]).map((r) =>
          attachmentOf(
            String(r.id),
            attachment(String(r.id)),
            typeof r.type === 'string' ? r.type : '',
          ),
        ),
      );
    } else {
      await db.table(table).bulkPut(rows as unknown[]);
    }
    written[table] = rows.length;
  }
  return written;
}

/** The audit entry of a bulk write (a whole table, not one record). */
const importEntry = (ctx: WriteContext, table: string, label: string): AuditEntry => ({
  id: ctx.newId(),
  at: ctx.now,
  actor: ctx.actor,
  table,
  recordId: '*',
  action: 'import',
  label,
  before: null,
  after: null,
});

async function addLogEntry(
  db: EcoDeskDb,
  ctx: WriteContext,
  direction: HandoffLogEntry['direction'],
  entry: HandoffLogInput,
): Promise<void> {
  await db.handoffs.add({ ...entry, id: ctx.newId(), at: ctx.now, by: ctx.actor, direction });
}

/** Records an export in the hand-off log. */
export async function logExport(db: EcoDeskDb, entry: HandoffLogInput): Promise<void> {
  await db.transaction('rw', [db.handoffs, db.settings], async () => {
    await addLogEntry(db, await writeContext(db), 'export', entry);
  });
}

export async function listHandoffs(db: EcoDeskDb): Promise<HandoffLogEntry[]> {
  return await db.handoffs.orderBy('at').reverse().toArray();
}

const INTERVAL_KEY = 'handoff.intervalDays';

export async function getHandoffInterval(db: EcoDeskDb): Promise<number> {
  const value = (await db.settings.get(INTERVAL_KEY))?.value;
  return typeof value === 'number' && checkInterval(value) === null
    ? value
    : DEFAULT_HANDOFF_INTERVAL_DAYS;
}

export async function setHandoffInterval(db: EcoDeskDb, days: number): Promise<void> {
  const problem = checkInterval(days);
  if (problem) throw new InputError([{ field: 'interval', message: problem }]);
  await db.settings.put({ key: INTERVAL_KEY, value: days });
}

/** Whether the dashboard should remind the office to hand data to the county. */
export async function loadHandoffDue(db: EcoDeskDb, now: Date) {
  const [log, setUp, intervalDays] = await Promise.all([
    db.handoffs.toArray(),
    db.settings.get(SETUP_COMPLETED_KEY),
    getHandoffInterval(db),
  ]);
  const setUpAt = typeof setUp?.value === 'string' ? setUp.value : undefined;
  return { intervalDays, due: handoffDue(log, setUpAt, now, intervalDays) };
}

/** Tables a restore adds the backup's rows to instead of replacing. */
const NEVER_REWOUND: ReadonlySet<string> = new Set(['handoffs', 'audit']);

/**
 * Restores a backup: the town's data becomes exactly the backup's, in one strict transaction
 * (settings that describe this PC stay). Every record is checked first, as for an import, but
 * against the backup alone (it replaces what is here); nothing is written if one fails. Take a
 * backup of the current data first.
 */
export async function commitRestore(
  db: EcoDeskDb,
  input: {
    tables: Record<string, unknown[]>;
    attachment: (id: string) => Uint8Array;
    log: HandoffLogInput;
  },
): Promise<Record<string, number>> {
  assertRecords(input.tables, { purpose: 'restore' });
  const tables = [
    ...Object.keys(HANDOFF_TABLES),
    'ledgerTally',
    'accounts',
    ...Object.keys(COUNTY_BACKUP_TABLES),
    'countyDigests',
    'countyItemOrder',
  ];
  return db.transaction('rw', tables, async () => {
    // Where this PC's history stood: the restore's entry names it, so a restore is never a
    // silent rewind (the entries themselves stay, as the whole history does).
    const replaced = await ownHistory(db);
    // This PC's own settings stay, but under a new installation id: the records are back at
    // the backup's revisions, and what is changed from now on must not pass for changes the
    // other PCs have already seen.
    const kept = (await db.settings.toArray())
      .filter((s) => isLocalSetting(s.key) && s.key !== INSTALLATION_KEY)
      .concat({ key: INSTALLATION_KEY, value: newInstallationId() });
    // The history and the hand-off log are never rewound: what was done, sent and received
    // stays on record (the backup's entries join them), and the restore is added to both.
    for (const table of tables)
      if (!NEVER_REWOUND.has(table) && table !== 'accounts') await db.table(table).clear();
    // The backup's history joins this PC's, never replacing an entry it has.
    const held = new Set(await db.audit.toCollection().primaryKeys());
    const arriving = newHistory(input.tables.audit ?? [], held);
    const written = await writeTables(
      db,
      { ...input.tables, ...(input.tables.audit ? { audit: arriving } : {}) },
      input.attachment,
    );
    await db.settings.bulkPut(kept);
    // The tally of the items restored (the table was emptied with the rest).
    await db.ledgerTally.bulkPut(tallyOf((input.tables.problems ?? []) as Problem[]));
    // A county desk's overview digests, made again from the records restored.
    if ((input.tables.countyTowns?.length ?? 0) > 0) await rebuildCountyDigests(db);
    const ctx = await writeContext(db);
    await appendAudit(db, ctx, {
      ...importEntry(ctx, '*', `从备份恢复《${input.log.place}》；${replacedText(replaced)}`),
      action: 'restoreBackup',
    });
    await addLogEntry(db, ctx, 'restore', input.log);
    // A PC without accounts (a new one, a damaged database rescued) takes the backup's, and
    // from then on needs a sign-in; a PC with its own keeps them.
    const accounts = (input.tables.accounts ?? []) as Account[];
    if (accounts.length > 0 && (await db.accounts.count()) === 0) {
      await db.accounts.bulkAdd(accounts);
      await db.settings.put({ key: ACCOUNTS_REQUIRED_KEY, value: true });
      written.accounts = accounts.length;
    }
    return written;
  });
}

/** This PC's own chain as it stands: how many entries, from when to when, and its head. */
async function ownHistory(db: EcoDeskDb) {
  const chain = await installationOf(db);
  if (!chain) return null;
  const range = () =>
    db.audit.where('[chain+seq]').between([chain, Dexie.minKey], [chain, Dexie.maxKey]);
  const [first, last] = await Promise.all([range().first(), range().last()]);
  if (!first || !last?.seq || !last.hash) return null;
  return { chain, entries: last.seq, from: first.at, to: last.at, hash: last.hash };
}

/** The restore entry's words for the history it set aside (kept, no longer continued). */
function replacedText(replaced: Awaited<ReturnType<typeof ownHistory>>): string {
  if (!replaced) return '此前本机没有操作记录';
  const day = (iso: string) => toIsoDate(new Date(iso));
  return `此前本机的操作记录共 ${replaced.entries} 条（${day(replaced.from)} 至 ${day(replaced.to)}），末条校验值 ${replaced.hash.slice(0, 12)}，保留不动，从此接续新的记录`;
}

/**
 * What restoring these backup tables would change here: counts per table, items lost. Refused,
 * as the restore would be, when a record does not check out or the history it brings does not.
 */
export async function planRestore(
  db: EcoDeskDb,
  tables: Record<string, unknown[]>,
): Promise<RestorePreview> {
  assertRecords(tables, { purpose: 'restore' });
  const counted = [...Object.keys(HANDOFF_TABLES), ...Object.keys(COUNTY_BACKUP_TABLES)];
  return db.transaction('r', counted, async () => {
    const held = new Set(await db.audit.toCollection().primaryKeys());
    const problem = await historyProblem(db, newHistory(tables.audit ?? [], held));
    if (problem) throw new InputError([{ field: 'audit', message: problem }]);
    // Settings are left out: counting them says nothing (this PC's own stay in any case).
    const names = counted.filter(
      (t) => t !== 'settings' && (t in HANDOFF_TABLES || (tables[t]?.length ?? 0) > 0),
    );
    const counts = await Promise.all(names.map((t) => db.table(t).count()));
    const now = Object.fromEntries(names.map((t, i) => [t, counts[i]!]));
    const after: Record<string, number> = {};
    for (const [i, t] of names.entries()) {
      const rows = (tables[t] ?? []) as { id?: unknown }[];
      if (!NEVER_REWOUND.has(t)) after[t] = rows.length;
      else {
        // Kept and joined by the backup's rows, plus the restore's own entry.
        const here = new Set((await db.table(t).toCollection().primaryKeys()).map(String));
        after[t] = counts[i]! + rows.filter((r) => !here.has(String(r.id))).length + 1;
      }
    }
    return restorePreview({
      now,
      after,
      problemsNow: await db.problems.toArray(),
      problemsAfter: (tables.problems ?? []) as Problem[],
    });
  });
}

/** Whether there is data to back up at all (an empty profile has none). */
export async function hasTownData(db: EcoDeskDb): Promise<boolean> {
  // A county desk's own data (its registrations, packages, lists) counts too.
  return (await db.town.count()) > 0 || (await isCountyInstallation(db));
}

/** The last backup that did not complete, until one does (this PC's own state). */
export interface BackupFailure {
  at: string;
  reason: BackupReason;
  message: string;
}

/** Remembers that a backup failed (shown on the dashboard), or forgets it once one succeeds. */
export async function recordBackupOutcome(
  db: EcoDeskDb,
  failure: BackupFailure | null,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if (failure) await db.settings.put({ key: BACKUP_FAILURE_KEY, value: failure });
    else await db.settings.delete(BACKUP_FAILURE_KEY);
  });
}

export async function getBackupFailure(db: EcoDeskDb): Promise<BackupFailure | null> {
  const value = (await db.settings.get(BACKUP_FAILURE_KEY))?.value as BackupFailure | undefined;
  return value && typeof value.at === 'string' && typeof value.message === 'string' ? value : null;
}
