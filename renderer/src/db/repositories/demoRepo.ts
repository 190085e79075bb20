import type {
  Deduction,
  DueAction,
  Period,
  PeriodResult,
  PhotoRef,
  VillageCheck,
} from '@shared/domain/assessment';
import { scorePeriod } from '@shared/domain/assessment';
import { toIsoDate } from '@shared/domain/dates';
import {
  demoMonth,
  demoPatrols,
  demoPhotoPlan,
  demoProblems,
  demoWorkRecords,
  type DemoPatrol,
  DEMO_SEED,
  DEMO_SEED_MAX,
  demoSeedMessage,
  demoSeeds,
  DEMO_VILLAGE_NAMES,
  monthsEndingWith,
  randomGenerator,
} from '@shared/domain/demo';
import { DEFAULT_SOURCE_CODES, problemNumber } from '@shared/domain/ledger';
import { addDays, nextMonth, previousMonth } from '@shared/domain/period';
import { DEFAULT_RECHECK_RULES, type Recheck } from '@shared/domain/recheck';
import { changeTally } from './ledgerTally';
import type { ForestPatrol, ForestPlot, River, RiverPatrol } from '@shared/domain/patrol';
import type { Person } from '@shared/domain/person';
import type { Problem } from '@shared/domain/problem';
import { actionsForResult, buildResultRows } from '@shared/domain/publication';
import { isLive, stamp } from '@shared/domain/record';
import { TOWN_ID, type Town } from '@shared/domain/town';
import type { Village } from '@shared/domain/village';
import { DEFAULT_ELIMINATIONS, type WorkRecord } from '@shared/domain/workRecords';
import { InputError } from '../errors';
import type { Attachment, EcoDeskDb } from '../schema';
import { attachmentOf } from '../attachments';
import {
  ACCOUNTS_REQUIRED_KEY,
  appendAudit,
  OPERATOR_KEY,
  writeContext,
  type WriteContext,
} from '../writeContext';
import {
  accountForHistory,
  hashSecret,
  RIGHTS,
  rightsOf,
  type Account,
} from '@shared/domain/accounts';
import { signedIn } from './accountRepo';
import { endSession } from '../session';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@shared/domain/demo';
import { ensureStandards, getRules } from './assessmentRepo';
import { SETUP_COMPLETED_KEY } from './settingsRepo';

export const DEMO_KEY = 'demoData';
export const DEMO_MAX_YEARS = 10;
/** 167 a month: 20,040 ledger items in 10 years. */
export const DEMO_PROBLEMS_PER_MONTH = 167;

export type DemoProgress = (phase: 'generate' | 'write' | 'done', fraction: number) => void;

/**
 * Fills an empty profile with `years` of monthly assessments (示例数据), ending last month:
 * scored, closed and published with the app's own rules, in one transaction. Refused when the
 * profile already holds assessments, so real records are never mixed with demo ones. Every draw
 * comes from `seed` (`demoSeeds`): the same seed, the same demo; another seed, another town.
 */
export async function loadDemoData(
  db: EcoDeskDb,
  years: number,
  onProgress: DemoProgress = () => undefined,
  /** Images (JPEG or PNG bytes) for the demo's photos; none: a demo without photos. */
  images: readonly Uint8Array[] = [],
  seed: number = DEMO_SEED,
): Promise<{
  periods: number;
  deductions: number;
  results: number;
  actions: number;
  problems: number;
  patrols: number;
  photos: number;
}> {
  if (!Number.isInteger(years) || years < 1 || years > DEMO_MAX_YEARS) {
    throw new InputError([
      { field: 'years', message: `示例数据的年数应为 1 到 ${DEMO_MAX_YEARS} 之间的整数。` },
    ]);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > DEMO_SEED_MAX)
    throw new InputError([{ field: 'seed', message: demoSeedMessage(String(seed)) }]);
  const seeds = demoSeeds(seed);
  if ((await db.periods.count()) > 0) {
    throw new InputError([
      {
        field: 'years',
        message: '这里已经有考核数据，不能再载入示例数据（以免与真实数据混在一起）。',
      },
    ]);
  }
  const [standard] = await ensureStandards(db);
  const rules = await getRules(db);
  const tables = [
    db.town,
    db.villages,
    db.periods,
    db.deductions,
    db.villageChecks,
    db.results,
    db.dueActions,
    db.problems,
    db.ledgerTally,
    db.people,
    db.rivers,
    db.forestPlots,
    db.riverPatrols,
    db.forestPatrols,
    db.workRecords,
    db.attachments,
    db.audit,
    db.settings,
    db.accounts,
  ];

  const base = await writeContext(db);
  // An empty profile gets the demo's accounts too (one password, hashed before the transaction).
  const accounts =
    (await db.town.count()) === 0 && (await db.accounts.count()) === 0
      ? await demoAccounts(base.now, base.newId)
      : [];
  const ctx = {
    ...base,
    actor: accounts[0]?.name ?? (base.actor === '未设置操作员' ? '示例操作员' : base.actor),
  };
  const existing = (await db.villages.orderBy('order').toArray()).filter(isLive);
  const villages: Village[] =
    existing.length > 0
      ? existing
      : DEMO_VILLAGE_NAMES.map((name, i) =>
          stamp<Village>({ name, order: i + 1, secretary: '', contact: '', groups: [] }, ctx),
        );
  const town =
    existing.length > 0
      ? null
      : stamp<Town>({ id: TOWN_ID, name: '示例镇', county: '示例县', campaigns: [] }, ctx);

  const random = randomGenerator(seeds.records);
  const today = toIsoDate(new Date());
  const lastMonth = previousMonth(today.slice(0, 7));
  const months = monthsEndingWith(lastMonth, years * 12);
  const periods: Period[] = [];
  const deductions: Deduction[] = [];
  const checks: VillageCheck[] = [];
  const results: PeriodResult[] = [];
  const actions: DueAction[] = [];
  const earlier: PeriodResult[] = [];
  // A month is closed on the 3rd of the next, or today when that is still to come (no record
  // of the demo lies in the future).
  const closeDay = (month: string) => {
    const third = `${nextMonth(month)}-03`;
    return third < today ? third : today;
  };
  months.forEach((month, index) => {
    const sheet = demoMonth({
      month,
      villageIds: villages.map((v) => v.id),
      items: standard!.items,
      random,
    });
    const monthChecks = sheet.checks.map((c) =>
      stamp<VillageCheck>({ ...c, id: `${month}:${c.villageId}`, periodId: month }, ctx),
    );
    const monthCells = sheet.cells.map((c) =>
      stamp<Deduction>({ ...c, id: `${month}:${c.villageId}:${c.itemCode}` }, ctx),
    );
    const { inputs } = scorePeriod({
      standard: standard!,
      villages,
      deductions: monthCells,
      checks: monthChecks,
    });
    const at = `${closeDay(month)}T09:00:00.000Z`;
    const published = at < ctx.now ? at : ctx.now;
    periods.push(
      stamp<Period>(
        {
          id: month,
          status: 'closed',
          standardId: standard!.id,
          inspectors: '示例检查组',
          inspectedOn: `${month}-20`,
          closedAt: published,
          closedBy: ctx.actor,
        },
        ctx,
      ),
    );
    const result = stamp<PeriodResult>(
      {
        id: month,
        cadence: 'month',
        ...buildResultRows(inputs, rules.flags, true),
        publishedAt: published,
        flagsAwarded: true,
      },
      ctx,
    );
    const due = actionsForResult({
      result,
      earlier,
      rules: rules.consequences,
      publishedOn: closeDay(month),
    });
    const old = index < months.length - 2;
    for (const d of due) {
      actions.push(
        stamp<DueAction>(
          {
            ...d,
            doneAt: old ? `${d.dueDate}T08:00:00.000Z` : undefined,
            doneNote: old ? '已按期完成' : undefined,
          },
          ctx,
        ),
      );
    }
    earlier.unshift(result);
    results.push(result);
    deductions.push(...monthCells);
    checks.push(...monthChecks);
    if (index % 12 === 11) onProgress('generate', (index + 1) / months.length);
  });

  // The ledger: about 2,000 items a year (20,000 in 10 years), numbered per year and source.
  const sequences = new Map<string, number>();
  const problems = demoProblems({
    months,
    villages: villages.length,
    perMonth: DEMO_PROBLEMS_PER_MONTH,
    random,
  }).map((d) => {
    const year = Number(d.foundOn.slice(0, 4));
    const code = DEFAULT_SOURCE_CODES[d.source];
    const key = `${year}-${code}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    const rechecks = d.closedOn ? demoRechecks(d.closedOn, sequence) : undefined;
    const item = stamp<Problem>(
      {
        number: problemNumber(year, code, sequence),
        source: d.source,
        upperLevel: d.source === 'upper' ? 'county' : undefined,
        channel: d.source === 'public' ? 'hotline' : undefined,
        category: d.category,
        villageId: villages[d.villageIndex]?.id,
        place: '',
        description: d.description,
        foundOn: d.foundOn,
        deadline: d.deadline,
        originalDeadline: d.deadline,
        extensions: [],
        responsiblePerson: `${villages[d.villageIndex]?.name ?? ''}责任人`,
        responsibleLeader: '',
        measures: [{ id: ctx.newId(), text: '按要求清理整治', done: d.status === 'closed' }],
        progress: [],
        beforePhotos: [],
        afterPhotos: [],
        status: d.status,
        verification: d.closedOn
          ? { verifier: '示例验收人', date: d.closedOn, opinion: '整改到位' }
          : undefined,
        unfixable:
          d.status === 'unfixable'
            ? { reason: '涉及跨区域协调，暂无法整改', approver: '示例领导' }
            : undefined,
        supervised: false,
        accountability: [],
        reports: [],
        ...(rechecks ? { rechecks } : {}),
      },
      ctx,
    );
    // Written when its work was done, as an office's would be: entered the day it was found, last
    // changed at its 销号 or its latest 回头看 (never after this load).
    const last = rechecks?.at(-1)?.at ?? (d.closedOn ? `${d.closedOn}T08:00:00.000Z` : undefined);
    const written = (at: string) => (at < ctx.now ? at : ctx.now);
    const createdAt = written(`${d.foundOn}T01:00:00.000Z`);
    return { ...item, createdAt, updatedAt: last ? written(last) : createdAt };
  });

  const grid = demoGrid(villages, months, random, ctx);
  const attachments = demoPhotos(images, ctx, { problems, deductions, grid }, seeds.photos);

  onProgress('write', 0);
  // The demo opens signed in as its administrator: the session starts before the accounts are
  // there, so the page that loads the demo is never replaced by the sign-in meanwhile.
  if (accounts[0]) signedIn(accounts[0]);
  try {
    await db.transaction('rw', tables, async () => {
      if ((await db.periods.count()) > 0)
        throw new InputError([{ field: 'years', message: '这里已经有考核数据。' }]);
      if (town) {
        await db.town.put(town);
        await db.villages.bulkPut(villages);
        await db.settings.put({ key: OPERATOR_KEY, value: ctx.actor });
        await db.settings.put({ key: SETUP_COMPLETED_KEY, value: ctx.now });
      }
      await db.periods.bulkAdd(periods);
      await db.deductions.bulkAdd(deductions);
      await db.villageChecks.bulkAdd(checks);
      await db.results.bulkAdd(results);
      await db.dueActions.bulkAdd(actions);
      await db.problems.bulkAdd(problems);
      await changeTally(db, [], problems);
      await db.people.bulkAdd(grid.people);
      await db.rivers.bulkAdd(grid.rivers);
      await db.forestPlots.bulkAdd(grid.plots);
      await db.riverPatrols.bulkAdd(grid.riverPatrols);
      await db.forestPatrols.bulkAdd(grid.forestPatrols);
      await db.workRecords.bulkAdd(grid.records);
      await db.attachments.bulkAdd(attachments);
      // One entry per table: a bulk load is recorded as what it was, not as thousands of edits.
      for (const [table, count] of [
        ['periods', periods.length],
        ['deductions', deductions.length],
        ['results', results.length],
        ['dueActions', actions.length],
        ['problems', problems.length],
        ['riverPatrols', grid.riverPatrols.length],
        ['forestPatrols', grid.forestPatrols.length],
        ['workRecords', grid.records.length],
        ['attachments', attachments.length],
      ] as const) {
        if (count === 0) continue;
        await appendAudit(db, ctx, {
          id: ctx.newId(),
          at: ctx.now,
          actor: ctx.actor,
          table,
          recordId: '*',
          action: 'import',
          label: `示例数据 ${years} 年${seed === DEMO_SEED ? '' : `（随机种子 ${seed}）`}：${count} 条`,
          before: null,
          after: null,
        });
      }
      await db.settings.put({ key: DEMO_KEY, value: { years, seed, loadedAt: ctx.now } });
      if (accounts.length > 0) {
        await db.accounts.bulkAdd(accounts);
        for (const account of accounts)
          await appendAudit(db, ctx, {
            id: ctx.newId(),
            at: ctx.now,
            actor: ctx.actor,
            table: 'accounts',
            recordId: account.id,
            action: 'create',
            label: account.name,
            before: null,
            after: accountForHistory(account),
          });
        await db.settings.put({ key: ACCOUNTS_REQUIRED_KEY, value: true });
      }
    });
  } catch (error) {
    if (accounts[0]) endSession();
    throw error;
  }
  onProgress('done', 1);
  return {
    periods: periods.length,
    deductions: deductions.length,
    results: results.length,
    actions: actions.length,
    problems: problems.length,
    patrols: grid.riverPatrols.length + grid.forestPatrols.length,
    photos: attachments.length,
  };
}

async function demoAccounts(now: string, newId: () => string): Promise<Account[]> {
  const password = await hashSecret(DEMO_PASSWORD);
  return DEMO_ACCOUNTS.map((a) => ({
    id: newId(),
    name: a.name,
    roles: a.roles,
    rights: a.all ? [...RIGHTS] : rightsOf(a.roles),
    password,
    createdAt: now,
    createdBy: '示例数据',
    updatedAt: now,
  }));
}

/**
 * Puts photos on the demo's records as an office's would (`demoPhotoPlan`): after-photos on
 * closed items, site photos on some deductions and on patrols that found something. Each photo
 * is its own attachment (its own copy of one of `images`), serving as its own thumbnail.
 */
function demoPhotos(
  images: readonly Uint8Array[],
  ctx: WriteContext,
  records: {
    problems: Problem[];
    deductions: Deduction[];
    grid: { riverPatrols: RiverPatrol[]; forestPatrols: ForestPatrol[] };
  },
  seed: number,
): Attachment[] {
  if (images.length === 0) return [];
  const closed = records.problems.filter((p) => p.status === 'closed');
  const found = [...records.grid.riverPatrols, ...records.grid.forestPatrols].filter(
    (p) => p.findings.length > 0,
  );
  const plan = demoPhotoPlan({
    closedProblems: closed.length,
    deductions: records.deductions.length,
    patrolsWithFindings: found.length,
    seed,
  });
  const attachments: Attachment[] = [];
  const photo = (name: string): PhotoRef => {
    const bytes = images[attachments.length % images.length]!;
    const id = ctx.newId();
    const type = bytes[0] === 0x89 ? 'image/png' : 'image/jpeg';
    attachments.push(attachmentOf(id, bytes, type));
    return { attachmentId: id, thumbnailId: id, name, size: bytes.length };
  };
  const ext = (i: number) => (images[i % images.length]![0] === 0x89 ? 'png' : 'jpg');
  closed.forEach((p, i) => {
    if (plan.problems.has(i))
      p.afterPhotos = [photo(`整改后-${p.number}.${ext(attachments.length)}`)];
  });
  records.deductions.forEach((d, i) => {
    if (plan.deductions.has(i))
      d.photos = [photo(`扣分现场-${d.periodId}.${ext(attachments.length)}`)];
  });
  found.forEach((p, i) => {
    if (plan.patrols.has(i)) p.photos = [photo(`巡查发现-${p.date}.${ext(attachments.length)}`)];
  });
  return attachments;
}

/**
 * The demo's chiefs and rangers, rivers (each village's segment with its village chief; a town
 * chief over each river), forest plots (one per village with its ranger), ten years of patrols
 * and work records.
 */
function demoGrid(
  villages: readonly Village[],
  months: readonly string[],
  random: () => number,
  ctx: WriteContext,
) {
  const person = (name: string, roles: Person['roles'], villageId?: string) =>
    stamp<Person>({ name, title: '', phone: '', villageId, roles }, ctx);
  const riverNames = ['东河', '西河', '南河'];
  const chiefs = villages.map((v) => person(`${v.name}河长`, ['villageRiverChief'], v.id));
  const townChiefs = riverNames.map((r) => person(`${r}镇级河长`, ['townRiverChief']));
  const rangers = villages.map((v, i) =>
    person(`${v.name}护林员`, [i % 2 === 0 ? 'publicWelfareRanger' : 'ecologicalRanger'], v.id),
  );
  const rivers = riverNames.map((name, r) =>
    stamp<River>(
      {
        name,
        segments: [
          { id: ctx.newId(), name: '全段', level: 'town', chiefId: townChiefs[r]!.id },
          ...villages
            .map((v, i) => ({ v, i }))
            .filter(({ i }) => i % riverNames.length === r)
            .map(({ v, i }) => ({
              id: ctx.newId(),
              name: `${v.name}段`,
              level: 'village' as const,
              chiefId: chiefs[i]!.id,
              villageId: v.id,
            })),
        ],
      },
      ctx,
    ),
  );
  const villageSegments = villages.map((v) => {
    const river = rivers.find((r) => r.segments.some((s) => s.villageId === v.id))!;
    return { river, segment: river.segments.find((s) => s.villageId === v.id)! };
  });
  const plots = villages.map((v, i) =>
    stamp<ForestPlot>(
      { name: `${v.name}后山`, villageId: v.id, group: '一组', rangerId: rangers[i]!.id },
      ctx,
    ),
  );
  const plan = demoPatrols({
    months,
    segments: villages.length,
    townSegments: rivers.length,
    plots: plots.length,
    random,
  });
  const finding = (f: { kind: string; note: string } | undefined) =>
    f ? [{ id: ctx.newId(), kind: f.kind, note: f.note }] : [];
  const riverPatrol = (river: River, segment: River['segments'][number], p: DemoPatrol) =>
    stamp<RiverPatrol>(
      {
        riverId: river.id,
        segmentId: segment.id,
        chiefId: segment.chiefId,
        date: p.date,
        startTime: '08:30',
        endTime: '10:00',
        routeFrom: `${segment.name}起点`,
        routeTo: `${segment.name}终点`,
        checked: '河面、河岸、排污口',
        findings: finding(p.finding),
        action: p.finding ? '已通知村上清理' : '',
      },
      ctx,
    );
  const riverPatrols = [
    ...plan.river.map((p) => {
      const { river, segment } = villageSegments[p.index]!;
      return riverPatrol(river, segment, p);
    }),
    ...plan.town.map((p) => riverPatrol(rivers[p.index]!, rivers[p.index]!.segments[0]!, p)),
  ];
  const forestPatrols = plan.forest.map((p) =>
    stamp<ForestPatrol>(
      {
        plotId: plots[p.index]!.id,
        rangerId: plots[p.index]!.rangerId,
        date: p.date,
        weather: '晴',
        findings: finding(p.finding),
        note: '',
      },
      ctx,
    ),
  );
  const records = demoWorkRecords({
    months,
    villages: villages.length,
    eliminations: DEFAULT_ELIMINATIONS,
    random,
  }).map((r) => {
    const villageId = r.village === undefined ? undefined : villages[r.village]!.id;
    return stamp<WorkRecord>(
      {
        kind: r.kind as WorkRecord['kind'],
        date: r.date,
        villageId,
        values: villageId ? { ...r.values, villageId } : r.values,
      },
      ctx,
    );
  });
  return {
    people: [...chiefs, ...townChiefs, ...rangers],
    rivers,
    plots,
    riverPatrols,
    forestPatrols,
    records,
  };
}

export async function isDemoData(db: EcoDeskDb): Promise<boolean> {
  return (await db.settings.get(DEMO_KEY)) !== undefined;
}

/**
 * A closed demo item's 回头看 as an office would have done them: every check of the default rule
 * that fell due before the last three days, on its day (one in five two days late), all 巩固.
 * Decided by the item's sequence, not the generator's random numbers, so the rest of the demo
 * stays as it was.
 */
function demoRechecks(closedOn: string, sequence: number): Recheck[] {
  const before = addDays(toIsoDate(new Date()), -3);
  return DEFAULT_RECHECK_RULES.days.flatMap((days, i) => {
    const date = addDays(closedOn, days + (sequence % 5 === 0 ? 2 : 0));
    return date <= before
      ? [
          {
            id: `${closedOn}-${sequence}-${i}`,
            date,
            checker: '示例回头看人',
            result: 'holds' as const,
            note: '',
            photos: [],
            at: `${date}T02:00:00.000Z`,
            by: '示例回头看人',
          },
        ]
      : [];
  });
}
