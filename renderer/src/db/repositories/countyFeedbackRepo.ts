import {
  checkIssuable,
  feedbackNumber,
  nextFeedbackSequence,
  pressable,
  pressItem,
  validateFeedbackHead,
  validateFeedbackItem,
  type FeedbackItem,
  type FeedbackList,
} from '@shared/domain/countyFeedback';
import type { Problem } from '@shared/domain/problem';
import type { Village } from '@shared/domain/village';
import { cleanText } from '@shared/domain/validation';
import { InputError, refuse } from '../errors';
import type { EcoDeskDb } from '../schema';
import { appendAudit, writeContext, type WriteContext } from '../writeContext';
import { countyName } from './countyRepo';

/**
 * The county's inspection feedback lists (督查反馈清单): a draft per town, items written or
 * pressed (督办) from the town's overdue items, numbered by the county, then issued — frozen —
 * when handed to the town as a spreadsheet or a signed package. Every step is a history entry.
 */

export type FeedbackItemInput = Omit<FeedbackItem, 'id' | 'number' | 'presses'>;

const TABLES = (db: EcoDeskDb) => [db.countyFeedback, db.countyTowns, db.audit, db.settings];

export async function listFeedback(db: EcoDeskDb): Promise<FeedbackList[]> {
  return (await db.countyFeedback.toArray()).sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || a.townName.localeCompare(b.townName),
  );
}

export async function getFeedback(db: EcoDeskDb, id: string): Promise<FeedbackList | null> {
  return (await db.countyFeedback.get(id)) ?? null;
}

async function audit(
  db: EcoDeskDb,
  ctx: WriteContext,
  list: FeedbackList,
  before: FeedbackList | null,
  action: 'create' | 'update' | 'delete',
  reason?: string,
) {
  await appendAudit(db, ctx, {
    id: ctx.newId(),
    at: ctx.now,
    actor: ctx.actor,
    table: 'countyFeedback',
    recordId: list.id,
    action,
    label: `${list.townName} · ${list.batch}`,
    before: before ? { ...before } : null,
    after: action === 'delete' ? null : { ...list },
    ...(reason ? { reason } : {}),
  });
}

const clean = (input: FeedbackItemInput): FeedbackItemInput => ({
  villageName: cleanText(input.villageName),
  category: cleanText(input.category),
  place: cleanText(input.place),
  description: cleanText(input.description),
  requirement: cleanText(input.requirement),
  responsible: cleanText(input.responsible),
  deadline: input.deadline,
});

async function draft(db: EcoDeskDb, id: string): Promise<FeedbackList> {
  const list = await db.countyFeedback.get(id);
  if (!list) refuse('这份清单已经不在了。');
  if (list.status !== 'draft') refuse('这份清单已经下发，不能再修改。要补充问题，请新建一份清单。');
  return list;
}

/** A new draft list for a registered town. */
export async function createFeedbackList(
  db: EcoDeskDb,
  input: { townId: string; batch: string; issuedOn: string },
): Promise<FeedbackList> {
  const issues = validateFeedbackHead(input);
  if (issues.length > 0) throw new InputError(issues);
  return db.transaction('rw', TABLES(db), async () => {
    const ctx = await writeContext(db);
    const town = await db.countyTowns.get(input.townId);
    if (!town) refuse('请先选择一个已登记的乡镇。');
    const list: FeedbackList = {
      id: ctx.newId(),
      townId: town.id,
      townName: town.name,
      batch: cleanText(input.batch),
      issuedOn: input.issuedOn,
      items: [],
      status: 'draft',
      createdAt: ctx.now,
      createdBy: ctx.actor,
    };
    await db.countyFeedback.add(list);
    await audit(db, ctx, list, null, 'create');
    return list;
  });
}

/** Changes a draft's batch or date (its items' deadlines are checked again). */
export async function updateFeedbackHead(
  db: EcoDeskDb,
  id: string,
  head: { batch: string; issuedOn: string },
): Promise<void> {
  const issues = validateFeedbackHead(head);
  if (issues.length > 0) throw new InputError(issues);
  await db.transaction('rw', TABLES(db), async () => {
    const ctx = await writeContext(db);
    const before = await draft(db, id);
    const after = { ...before, batch: cleanText(head.batch), issuedOn: head.issuedOn };
    await db.countyFeedback.put(after);
    await audit(db, ctx, after, before, 'update');
  });
}

/** Every number the county has given: the next one continues after the highest. */
async function givenNumbers(db: EcoDeskDb): Promise<string[]> {
  return (await db.countyFeedback.toArray()).flatMap((l) => l.items.map((i) => i.number));
}

async function nextNumber(db: EcoDeskDb, issuedOn: string, taken: readonly string[]) {
  const county = await countyName(db);
  const year = Number(issuedOn.slice(0, 4));
  return feedbackNumber(county, year, nextFeedbackSequence(county, year, taken));
}

/** Adds an item to a draft, numbered by the county; or changes one (its number stays). */
export async function saveFeedbackItem(
  db: EcoDeskDb,
  listId: string,
  input: FeedbackItemInput,
  itemId?: string,
): Promise<FeedbackItem> {
  const item = clean(input);
  return db.transaction('rw', TABLES(db), async () => {
    const ctx = await writeContext(db);
    const before = await draft(db, listId);
    const issues = validateFeedbackItem(item, before.issuedOn);
    if (issues.length > 0) throw new InputError(issues);
    const existing = itemId ? before.items.find((i) => i.id === itemId) : undefined;
    if (itemId && !existing) refuse('这个问题已经不在清单里了。');
    const saved: FeedbackItem = existing
      ? { ...existing, ...item }
      : {
          id: ctx.newId(),
          number: await nextNumber(db, before.issuedOn, await givenNumbers(db)),
          ...item,
        };
    const after = {
      ...before,
      items: existing
        ? before.items.map((i) => (i.id === saved.id ? saved : i))
        : [...before.items, saved],
    };
    await db.countyFeedback.put(after);
    await audit(db, ctx, after, before, 'update');
    return saved;
  });
}

export async function removeFeedbackItem(db: EcoDeskDb, listId: string, itemId: string) {
  await db.transaction('rw', TABLES(db), async () => {
    const ctx = await writeContext(db);
    const before = await draft(db, listId);
    const after = { ...before, items: before.items.filter((i) => i.id !== itemId) };
    await db.countyFeedback.put(after);
    await audit(db, ctx, after, before, 'update');
  });
}

/** A draft thrown away (never a list already issued). */
export async function deleteFeedbackDraft(db: EcoDeskDb, listId: string) {
  await db.transaction('rw', TABLES(db), async () => {
    const ctx = await writeContext(db);
    const before = await draft(db, listId);
    await db.countyFeedback.delete(listId);
    await audit(db, ctx, before, before, 'delete');
  });
}

/** Problem ids pressed by any list (drafts included): an overdue item is pressed once. */
function pressedIds(lists: readonly FeedbackList[]): Set<string> {
  return new Set(
    lists.flatMap((l) => l.items.flatMap((i) => (i.presses ? [i.presses.problemId] : []))),
  );
}

async function townRows<T>(db: EcoDeskDb, townId: string, table: string): Promise<T[]> {
  return (await db.countyRecords.where('[townId+table]').equals([townId, table]).toArray()).map(
    (r) => r.row as T,
  );
}

/** The town's overdue items on `today`, as its newest packages brought them, not yet pressed. */
export async function loadPressable(
  db: EcoDeskDb,
  townId: string,
  today: string,
): Promise<{ problem: Problem; villageName: string }[]> {
  return db.transaction('r', [db.countyRecords, db.countyFeedback], async () => {
    const [problems, villages, lists] = await Promise.all([
      townRows<Problem>(db, townId, 'problems'),
      townRows<Village>(db, townId, 'villages'),
      db.countyFeedback.where('townId').equals(townId).toArray(),
    ]);
    const names = new Map(villages.map((v) => [v.id, v.name]));
    return pressable(problems, today, pressedIds(lists)).map((problem) => ({
      problem,
      villageName: (problem.villageId && names.get(problem.villageId)) || '',
    }));
  });
}

/** The town's villages as its packages named them, with their secretaries (the item form's). */
export async function loadTownVillages(
  db: EcoDeskDb,
  townId: string,
): Promise<{ name: string; secretary: string }[]> {
  const villages = await townRows<Village>(db, townId, 'villages');
  return villages
    .filter((v) => !v.deletedAt)
    .sort((a, b) => a.order - b.order)
    .map((v) => ({ name: v.name, secretary: v.secretary ?? '' }));
}

/** Adds a 督办 item to a draft for each chosen overdue item (each pressed once). */
export async function pressOverdue(
  db: EcoDeskDb,
  listId: string,
  problemIds: readonly string[],
  today: string,
): Promise<number> {
  const tables = [...TABLES(db), db.countyRecords];
  return db.transaction('rw', tables, async () => {
    const ctx = await writeContext(db);
    const before = await draft(db, listId);
    const offered = await loadPressable(db, before.townId, today);
    const chosen = offered.filter((o) => problemIds.includes(o.problem.id));
    const taken = await givenNumbers(db);
    const items = [...before.items];
    for (const { problem, villageName } of chosen) {
      const number = await nextNumber(db, before.issuedOn, taken);
      taken.push(number);
      items.push(pressItem(problem, villageName, today, { id: ctx.newId(), number }));
    }
    const after = { ...before, items };
    await db.countyFeedback.put(after);
    await audit(db, ctx, after, before, 'update', `督办逾期问题 ${chosen.length} 个`);
    return chosen.length;
  });
}

/** Issues (下发) a draft: it is frozen from now on, with who and when. */
export async function issueFeedbackList(db: EcoDeskDb, listId: string): Promise<FeedbackList> {
  return db.transaction('rw', TABLES(db), async () => {
    const ctx = await writeContext(db);
    const before = await db.countyFeedback.get(listId);
    if (!before) refuse('这份清单已经不在了。');
    if (before.status === 'issued') return before;
    const problem = checkIssuable(before);
    if (problem) refuse(problem);
    const after: FeedbackList = {
      ...before,
      status: 'issued',
      issuedAt: ctx.now,
      issuedBy: ctx.actor,
    };
    await db.countyFeedback.put(after);
    await audit(
      db,
      ctx,
      after,
      before,
      'update',
      `下发督查反馈清单（${after.items.length} 个问题）`,
    );
    return after;
  });
}

// —— On the town's PC: the county's key, registered once (trust on first use) ——

export const COUNTY_SIGNER_KEY = 'county.signer';

/** A key the county signed with before, replaced on this PC by an explicit, recorded step. */
export interface RetiredCountyKey {
  fingerprint: string;
  /** When, by whom and why it was replaced. */
  until: string;
  by: string;
  reason: string;
}

export interface CountySigner {
  county: string;
  publicKey: string;
  fingerprint: string;
  registeredAt: string;
  registeredBy: string;
  /** The county's keys before its new PC(s), oldest first (none in a registration of before). */
  previousKeys: RetiredCountyKey[];
}

export async function countySigner(db: EcoDeskDb): Promise<CountySigner | null> {
  const value = (await db.settings.get(COUNTY_SIGNER_KEY))?.value as
    (Omit<CountySigner, 'previousKeys'> & { previousKeys?: RetiredCountyKey[] }) | undefined;
  return value && typeof value.publicKey === 'string'
    ? { ...value, previousKeys: value.previousKeys ?? [] }
    : null;
}

/**
 * Registers the county's key on the town's PC, once someone has compared its fingerprint with
 * the one the county printed or read out: from then on a feedback list signed by another key is
 * refused. Replacing a registered key is its own step (`rekeyCountySigner`).
 */
export async function registerCountySigner(
  db: EcoDeskDb,
  input: { county: string; publicKey: string; fingerprint: string },
): Promise<CountySigner> {
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const ctx = await writeContext(db);
    const existing = await countySigner(db);
    if (existing && existing.publicKey !== input.publicKey)
      refuse(
        `本机已登记${existing.county}的签名指纹 ${existing.fingerprint}，与这份清单的 ${input.fingerprint} 不同。县里换了电脑时，请用“县里换了电脑，更换县级密钥…”。`,
      );
    if (existing) return existing;
    const signer: CountySigner = {
      county: cleanText(input.county),
      publicKey: input.publicKey,
      fingerprint: input.fingerprint,
      registeredAt: ctx.now,
      registeredBy: ctx.actor,
      previousKeys: [],
    };
    await db.settings.put({ key: COUNTY_SIGNER_KEY, value: signer });
    await appendAudit(db, ctx, {
      id: ctx.newId(),
      at: ctx.now,
      actor: ctx.actor,
      table: 'settings',
      recordId: COUNTY_SIGNER_KEY,
      action: 'create',
      label: `登记${signer.county}的签名指纹 ${signer.fingerprint}`,
      before: null,
      after: { ...signer },
      reason: '已与县里核对签名指纹',
    });
    return signer;
  });
}

/**
 * Re-registers the county's key (the county got a new PC, or restored its backup onto one): the
 * registered key is replaced by the arriving list's, once someone compared the new fingerprint
 * with the one the county reads out, with the reason. The old key is kept as a previous one (a
 * list it signed is refused, saying so) and the step is an entry of the town's history — as the
 * county re-keys a town (`rekeyTown`).
 */
export async function rekeyCountySigner(
  db: EcoDeskDb,
  input: { publicKey: string; fingerprint: string; reason: string },
): Promise<CountySigner> {
  const reason = cleanText(input.reason);
  if (reason === '')
    refuse('请写明为什么更换县级密钥（例如：县里旧电脑损坏，已换新电脑）。', 'reason');
  if ([...reason].length > 200) refuse('原因最多 200 个字。', 'reason');
  return db.transaction('rw', [db.settings, db.audit], async () => {
    const ctx = await writeContext(db);
    const before = await countySigner(db);
    if (!before)
      refuse('本机还没有登记县里的签名指纹，不需要更换：导入县里的清单时核对指纹后登记即可。');
    if (before.publicKey === input.publicKey) refuse('这就是本机现在登记的县级密钥，不需要更换。');
    if (before.previousKeys.some((k) => k.fingerprint === input.fingerprint))
      refuse('这是县里更换电脑前用过的旧密钥，不能换回。请向县里要新电脑导出的清单。');
    const after: CountySigner = {
      ...before,
      publicKey: input.publicKey,
      fingerprint: input.fingerprint,
      previousKeys: [
        ...before.previousKeys,
        { fingerprint: before.fingerprint, until: ctx.now, by: ctx.actor, reason },
      ],
    };
    await db.settings.put({ key: COUNTY_SIGNER_KEY, value: after });
    await appendAudit(db, ctx, {
      id: ctx.newId(),
      at: ctx.now,
      actor: ctx.actor,
      table: 'settings',
      recordId: COUNTY_SIGNER_KEY,
      action: 'update',
      label: `${after.county}的签名指纹：${before.fingerprint} → ${after.fingerprint}`,
      before: { ...before },
      after: { ...after },
      reason: `已与县里核对新的签名指纹；${reason}`,
    });
    return after;
  });
}

export type FeedbackSignerCheck =
  | { kind: 'registered'; signer: CountySigner }
  | { kind: 'unregistered' }
  | { kind: 'wrongKey'; signer: CountySigner }
  /** Signed by a key the county had before its new PC: refused, never offered to re-key. */
  | { kind: 'retiredKey'; signer: CountySigner; retired: RetiredCountyKey }
  | { kind: 'otherTown'; town: string };

/** Whether a signed feedback list may be imported here: for this town, by the county's key. */
export async function checkFeedbackSigner(
  db: EcoDeskDb,
  input: { townName: string; publicKey: string; fingerprint: string },
): Promise<FeedbackSignerCheck> {
  return db.transaction('r', [db.settings, db.town], async () => {
    const town = (await db.town.toArray())[0];
    if (!town || town.name !== input.townName) return { kind: 'otherTown', town: town?.name ?? '' };
    const signer = await countySigner(db);
    if (!signer) return { kind: 'unregistered' };
    if (signer.publicKey === input.publicKey) return { kind: 'registered', signer };
    const retired = signer.previousKeys.find((k) => k.fingerprint === input.fingerprint);
    return retired ? { kind: 'retiredKey', signer, retired } : { kind: 'wrongKey', signer };
  });
}
