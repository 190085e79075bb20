import { z } from 'zod';
import { PHOTOS_PER_CELL } from '../domain/assessment';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES } from '../domain/attachment';
import { AUDIT_ACTION_LABELS } from '../domain/audit';
import { FEEDBACK_LIMITS } from '../domain/countyFeedback';
import { ACCOUNT_NAME_MAX, RIGHTS, ROLE_IDS, type Right, type Role } from '../domain/accounts';
import { FOCUS_MAX_CHARS } from '../domain/briefing';
import { isValidIsoDate } from '../domain/dates';
import { PROBLEM_SOURCES } from '../domain/ledger';
import { FOREST_FINDINGS, RIVER_FINDINGS, WEATHER } from '../domain/patrol';
import { isMonthKey } from '../domain/period';
import { GROUP_POSITIONS, PERSON_NAME_MAX, PERSON_ROLES, PERSON_TITLE_MAX } from '../domain/person';
import { ACCOUNTABILITY_KINDS, COMPLAINT_CHANNELS, UPPER_LEVELS } from '../domain/problem';
import { RECHECK_LIMITS, RECHECK_RESULTS } from '../domain/recheck';
import { RULE_TITLE_MAX } from '../domain/ruleDocument';
import { ITEM_TITLE_MAX } from '../domain/standard';
import { TEXT_LIMITS } from '../domain/textLimits';
import { COUNTY_NAME_MAX, TOWN_NAME_MAX } from '../domain/town';
import { charLength } from '../domain/validation';
import {
  CONTACT_MAX,
  GROUP_NAME_MAX,
  MAX_VILLAGE_COUNT,
  SECRETARY_NAME_MAX,
  VILLAGE_NAME_MAX,
} from '../domain/village';
import { RECORD_DEFS, RECORD_KINDS, type RecordKind } from '../domain/workRecords';

/**
 * The shape of every record a hand-off package (format version 2, and the tables version 1
 * shared with it) may carry, per table: what the app writes (shared/domain's types, as
 * `collectExport` packs them), nothing more. Objects are strict (an unknown field is refused),
 * dates are real calendar dates, months real months, and texts no longer than the app lets
 * anyone type them (a free text the forms do not bound gets a generous bound of its own).
 * Custom checks carry `params.kind`, which recordCheck.ts words for people.
 */

/** Why a value was refused, for a custom check: recordCheck.ts says it in words. */
export type CheckKind = 'date' | 'month' | 'period' | 'moment' | 'time' | 'tooLong' | 'hex';

const kind = (k: CheckKind, extra: Record<string, unknown> = {}) => ({
  params: { kind: k, ...extra },
});

/** Texts counted as people count them (one per character), as the forms do. */
const text = (max: number) =>
  z.string().refine((s) => charLength(s) <= max, kind('tooLong', { max }));

/** Bounds of texts the forms do not limit themselves (a county list's cell, a file name). */
const FREE = { short: 100, line: 200, note: 1000 } as const;
/** Who did it: an operator's or an account's name, or the software's own (系统（软件内置）). */
const ACTOR_MAX = 40;

const id = z.string().min(1).max(200);
const date = z.string().refine(isValidIsoDate, kind('date'));
const month = z.string().refine(isMonthKey, kind('month'));
const QUARTER = /^\d{4}-Q[1-4]$/;
/** A flag period: a month, or a quarter when flags are awarded per quarter. */
const flagPeriod = z.string().refine((s) => isMonthKey(s) || QUARTER.test(s), kind('period'));
const MOMENT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;
/** An instant as the app stores it: `toISOString()`, on a real calendar day. */
const moment = z.string().refine((s) => {
  const m = MOMENT.exec(s);
  return m !== null && isValidIsoDate(m[1]!);
}, kind('moment'));
const time = z.string().refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), kind('time'));
const hex = (length: number) =>
  z.string().refine((s) => new RegExp(`^[0-9a-f]{${length}}$`).test(s), kind('hex'));
const actor = text(ACTOR_MAX);
const count = (max: number) => z.number().int().min(0).max(max);
const points = z.number().min(0).max(100);

/** How many changes each installation made (installation id → count). */
const revision = z
  .record(z.string().max(40), count(Number.MAX_SAFE_INTEGER))
  .refine((r) => Object.keys(r).length <= 1000, kind('tooLong', { max: 1000 }));

/** The fields every stored record carries (shared/domain/record.ts). */
const base = {
  id,
  createdAt: moment,
  updatedAt: moment,
  updatedBy: actor,
  deletedAt: moment.optional(),
  rev: revision.optional(),
};

const voided = z.strictObject({ reason: text(TEXT_LIMITS.reason), at: moment, by: actor });

const photo = z.strictObject({
  attachmentId: id,
  thumbnailId: id,
  name: text(FREE.line),
  size: count(MAX_ATTACHMENT_BYTES),
});
const photos = (max: number) => z.array(photo).max(max);

const town = z.strictObject({
  ...base,
  name: text(TOWN_NAME_MAX),
  county: text(COUNTY_NAME_MAX),
  campaigns: z.array(text(FREE.short)).max(50),
});

const village = z.strictObject({
  ...base,
  name: text(VILLAGE_NAME_MAX),
  order: z
    .number()
    .int()
    .min(0)
    .max(MAX_VILLAGE_COUNT * 100),
  secretary: text(SECRETARY_NAME_MAX),
  contact: text(CONTACT_MAX),
  leaderId: id.optional(),
  groups: z.array(text(GROUP_NAME_MAX)).max(200),
});

const person = z.strictObject({
  ...base,
  name: text(PERSON_NAME_MAX),
  title: text(PERSON_TITLE_MAX),
  phone: z.string().regex(/^[0-9+\-\s()]{0,20}$/),
  villageId: id.optional(),
  roles: z.array(z.enum(PERSON_ROLES)).max(PERSON_ROLES.length),
  groupPosition: z.enum(GROUP_POSITIONS).optional(),
});

const attachmentKinds = Object.keys(ATTACHMENT_KINDS) as [keyof typeof ATTACHMENT_KINDS];
const ruleDocument = z.strictObject({
  ...base,
  title: text(RULE_TITLE_MAX),
  issuedOn: date,
  fileName: text(FREE.line),
  kind: z.enum(attachmentKinds),
  mime: text(FREE.short),
  size: count(MAX_ATTACHMENT_BYTES),
  attachmentId: id,
});

const standard = z.strictObject({
  ...base,
  version: z.number().int().min(1).max(10_000),
  effectiveFrom: month,
  bonusCap: z.number().min(0).max(20),
  categories: z.array(z.strictObject({ name: text(FREE.short), points })).max(50),
  items: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-Z][0-9]{2}$/),
        category: text(FREE.short),
        title: text(ITEM_TITLE_MAX),
        perInstance: points,
        cap: points,
        unit: text(20),
        zeroesCategory: z.boolean(),
        serious: z.boolean(),
      }),
    )
    .max(1000),
});

const period = z.strictObject({
  ...base,
  id: month,
  status: z.enum(['open', 'closed']),
  standardId: id,
  inspectors: text(100),
  inspectedOn: date,
  closedAt: moment.optional(),
  closedBy: actor.optional(),
});

const deduction = z.strictObject({
  ...base,
  periodId: month,
  villageId: id,
  itemCode: text(20),
  count: count(10_000).nullable(),
  points: points.nullable(),
  note: text(TEXT_LIMITS.deductionNote),
  place: text(TEXT_LIMITS.deductionPlace),
  problemId: id.optional(),
  photos: photos(PHOTOS_PER_CELL).optional(),
});

const villageCheck = z.strictObject({
  ...base,
  periodId: month,
  villageId: id,
  skipped: z.boolean(),
  bonus: z.number().min(0).max(20),
  bonusReason: text(TEXT_LIMITS.bonusReason),
});

const flag = z.enum(['red', 'yellow']);
const result = z.strictObject({
  ...base,
  id: flagPeriod,
  cadence: z.enum(['month', 'quarter']),
  rows: z
    .array(
      z.strictObject({
        villageId: id,
        name: text(VILLAGE_NAME_MAX),
        score: z.number().min(0).max(200),
        rank: count(10_000),
        rankFromBottom: count(10_000),
        tied: z.boolean(),
        seriousCount: count(10_000),
        flag: flag.nullable(),
        flagReason: text(FREE.note),
        withdrawn: voided.optional(),
      }),
    )
    .max(10_000),
  unscored: z.array(z.strictObject({ villageId: id, name: text(VILLAGE_NAME_MAX) })).max(10_000),
  average: z.number().min(0).max(200).nullable(),
  publishedAt: moment,
  flagsAwarded: z.boolean(),
});

const dueAction = z.strictObject({
  ...base,
  periodKey: flagPeriod,
  villageId: id,
  kind: z.enum(['speech', 'interview', 'redReward', 'progressPrize']),
  title: text(FREE.line),
  dueDate: date,
  amountYuan: z.number().min(0).max(100_000_000).optional(),
  doneAt: moment.optional(),
  doneNote: text(TEXT_LIMITS.doneNote).optional(),
});

const problem = z.strictObject({
  ...base,
  number: text(40),
  voided: voided.optional(),
  source: z.enum(PROBLEM_SOURCES),
  upperLevel: z.enum(UPPER_LEVELS).optional(),
  batch: text(FREE.line).optional(),
  countyNumber: text(50).optional(),
  requirement: text(1000).optional(),
  channel: z.enum(COMPLAINT_CHANNELS).optional(),
  // Only in a backup: a package that leaves the PC never holds it (shared/domain/privacy.ts).
  complainant: text(FREE.short).optional(),
  category: text(40),
  villageId: id.optional(),
  place: text(100),
  description: text(500),
  foundOn: date,
  deadline: date,
  originalDeadline: date,
  extensions: z
    .array(
      z.strictObject({
        from: date,
        to: date,
        reason: text(TEXT_LIMITS.reason),
        at: moment,
        by: actor,
      }),
    )
    .max(1000),
  responsiblePerson: text(20),
  responsibleLeader: text(FREE.short),
  measures: z
    .array(z.strictObject({ id, text: text(TEXT_LIMITS.measure), done: z.boolean() }))
    .max(1000),
  progress: z
    .array(z.strictObject({ at: moment, by: actor, text: text(TEXT_LIMITS.progress) }))
    .max(10_000),
  beforePhotos: photos(1000),
  afterPhotos: photos(1000),
  status: z.enum(['pending', 'inProgress', 'closeRequested', 'closed', 'unfixable']),
  verification: z
    .strictObject({
      verifier: text(TEXT_LIMITS.person),
      date,
      opinion: text(TEXT_LIMITS.opinion),
    })
    .optional(),
  unfixable: z
    .strictObject({ reason: text(TEXT_LIMITS.reason), approver: text(TEXT_LIMITS.person) })
    .optional(),
  supervised: z.boolean(),
  exposed: z.boolean().optional(),
  accountability: z
    .array(
      z.strictObject({
        kind: z.enum(ACCOUNTABILITY_KINDS),
        person: text(FREE.short),
        note: text(FREE.note),
        at: moment,
        by: actor,
      }),
    )
    .max(1000),
  reports: z.array(date).max(1000),
  deductionId: id.optional(),
  patrol: z
    .strictObject({
      table: z.enum(['riverPatrols', 'forestPatrols']),
      id,
      findingId: id,
    })
    .optional(),
  externalKey: text(FREE.note + 200).optional(),
  // 回头看 (shared/domain/recheck.ts)
  rechecks: z
    .array(
      z.strictObject({
        id,
        date,
        checker: text(TEXT_LIMITS.person),
        result: z.enum(RECHECK_RESULTS),
        note: text(TEXT_LIMITS.opinion),
        photos: photos(100),
        at: moment,
        by: actor,
        reboundId: id.optional(),
      }),
    )
    .max(1000)
    .optional(),
  countyRecheckDates: z.array(date).max(20).optional(),
  longTerm: z
    .strictObject({
      duty: text(TEXT_LIMITS.opinion),
      intervalDays: z.number().int().min(1).max(RECHECK_LIMITS.maxInterval),
      ended: z
        .strictObject({ on: date, reason: text(TEXT_LIMITS.reason), at: moment, by: actor })
        .optional(),
    })
    .optional(),
  reboundTo: z.strictObject({ problemId: id, date }).optional(),
  reboundOf: id.optional(),
});

const ledgerRow = z.strictObject({
  label: text(FREE.short),
  found: count(1_000_000),
  closed: count(1_000_000),
  open: count(1_000_000),
  overdue: count(1_000_000),
});
const briefingContent = z.strictObject({
  townName: text(TOWN_NAME_MAX),
  month,
  asOf: date,
  flagPeriod: flagPeriod.nullable(),
  flags: z
    .array(
      z.strictObject({
        color: flag,
        name: text(VILLAGE_NAME_MAX),
        score: z.number().min(0).max(200),
        rank: count(10_000),
        reason: text(FREE.note),
      }),
    )
    .max(10_000),
  withdrawn: z
    .array(z.strictObject({ name: text(VILLAGE_NAME_MAX), reason: text(TEXT_LIMITS.reason) }))
    .max(10_000),
  scores: z
    .array(
      z.strictObject({
        rank: count(10_000),
        name: text(VILLAGE_NAME_MAX),
        score: z.number().min(0).max(200),
        scoreChange: z.number().min(-200).max(200).nullable(),
        rankChange: z.number().int().min(-10_000).max(10_000).nullable(),
        flag: flag.nullable(),
      }),
    )
    .max(10_000),
  unscored: z.array(text(VILLAGE_NAME_MAX)).max(10_000),
  average: z.number().min(0).max(200).nullable(),
  previousAverage: z.number().min(0).max(200).nullable(),
  ledger: z.strictObject({
    bySource: z.array(ledgerRow).max(100),
    byVillage: z.array(ledgerRow).max(10_000),
    total: ledgerRow,
    overdueItems: z
      .array(
        z.strictObject({
          number: text(40),
          village: text(VILLAGE_NAME_MAX),
          category: text(40),
          description: text(500),
          person: text(20),
          deadline: date,
          daysOverdue: count(1_000_000),
          supervised: z.boolean(),
        }),
      )
      .max(100_000),
    overdueByPerson: z
      .array(z.strictObject({ person: text(20), count: count(1_000_000) }))
      .max(100_000),
  }),
  actions: z
    .array(
      z.strictObject({
        // As printed: 2026年10月, 2026年第四季度.
        period: text(20).optional(),
        village: text(VILLAGE_NAME_MAX),
        kind: text(FREE.short),
        title: text(FREE.line),
        dueDate: date,
        done: z.boolean(),
      }),
    )
    .max(10_000),
  patrols: z
    .strictObject({
      river: count(10_000_000),
      forest: count(10_000_000),
      findings: count(10_000_000),
      behind: z
        .array(
          z.strictObject({
            name: text(PERSON_NAME_MAX),
            role: text(FREE.short),
            required: count(10_000),
            done: count(10_000),
          }),
        )
        .max(10_000),
    })
    .optional(),
  rechecks: z
    .strictObject({
      due: z
        .array(
          z.strictObject({
            number: text(40),
            village: text(VILLAGE_NAME_MAX),
            category: text(40),
            label: text(FREE.short),
            due: date,
            daysOverdue: count(100_000),
          }),
        )
        .max(100_000),
      month: z.strictObject({
        due: count(1_000_000),
        onTime: count(1_000_000),
        late: count(1_000_000),
        missed: count(1_000_000),
      }),
      rebounds: z
        .array(
          z.strictObject({
            number: text(40),
            village: text(VILLAGE_NAME_MAX),
            category: text(40),
            date,
            newNumber: text(40),
          }),
        )
        .max(100_000),
      rate: z.strictObject({
        months: count(RECHECK_LIMITS.maxMonths),
        from: date,
        to: date,
        closed: count(1_000_000),
        rebounded: count(1_000_000),
        bySource: z
          .array(
            z.strictObject({
              label: text(FREE.short),
              closed: count(1_000_000),
              rebounded: count(1_000_000),
            }),
          )
          .max(10),
      }),
    })
    .optional(),
  focus: text(FOCUS_MAX_CHARS),
  history: z.strictObject({ seq: z.number().int().min(1), hash: hex(64) }).optional(),
});
const briefing = z.strictObject({
  ...base,
  month,
  status: z.enum(['draft', 'issued']),
  focus: text(FOCUS_MAX_CHARS),
  issuedAt: moment.optional(),
  issuedBy: actor.optional(),
  content: briefingContent.optional(),
});

const river = z.strictObject({
  ...base,
  name: text(30),
  segments: z
    .array(
      z.strictObject({
        id,
        name: text(FREE.short),
        level: z.enum(['town', 'village']),
        chiefId: id,
        villageId: id.optional(),
      }),
    )
    .max(1000),
});

const finding = (kinds: readonly [string, ...string[]]) =>
  z.strictObject({
    id,
    kind: z.enum(kinds),
    note: text(FREE.line),
    problemId: id.optional(),
  });

const riverPatrol = z.strictObject({
  ...base,
  riverId: id,
  segmentId: id,
  chiefId: id,
  date,
  startTime: time,
  endTime: time,
  routeFrom: text(FREE.line),
  routeTo: text(FREE.line),
  checked: text(FREE.line),
  findings: z.array(finding(RIVER_FINDINGS)).max(100),
  action: text(FREE.line),
  photos: photos(1000).optional(),
  voided: voided.optional(),
});

const forestPlot = z.strictObject({
  ...base,
  name: text(FREE.short),
  villageId: id,
  group: text(FREE.short),
  cadreId: id.optional(),
  rangerId: id,
});

const forestPatrol = z.strictObject({
  ...base,
  plotId: id,
  rangerId: id,
  date,
  weather: z.enum(WEATHER),
  findings: z.array(finding(FOREST_FINDINGS)).max(100),
  note: text(FREE.line),
  photos: photos(1000).optional(),
  voided: voided.optional(),
});

/** A work record's values, by its kind's fields (shared/domain/workRecords.ts). */
function recordValues(k: RecordKind) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of RECORD_DEFS[k].fields) {
    const max = field.max ?? FREE.line;
    const value =
      field.type === 'date'
        ? date
        : field.type === 'count'
          ? count(max)
          : field.type === 'decimal'
            ? z.number().min(0).max(max)
            : field.type === 'village'
              ? id
              : text(field.type === 'choice' ? FREE.short : max);
    shape[field.key] = field.required ? value : value.optional();
  }
  return z.strictObject(shape);
}
const workRecord = z.discriminatedUnion(
  'kind',
  RECORD_KINDS.map((k) =>
    z.strictObject({
      ...base,
      kind: z.literal(k),
      date,
      villageId: id.optional(),
      values: recordValues(k),
    }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

const summary = z.strictObject({
  ...base,
  id: z.string().regex(/^\d{4}$/),
  edited: z.array(text(10_000).nullable()).max(200),
});

/** A JSON value (a setting's, a history entry's record): its depth is bounded before zod. */
const json = z.unknown();

const auditActions = Object.keys(AUDIT_ACTION_LABELS) as [string, ...string[]];
const audit = z.strictObject({
  id,
  at: moment,
  actor,
  table: text(60),
  recordId: text(200),
  action: z.enum(auditActions),
  label: text(FREE.note + 500),
  before: z.record(z.string(), json).nullable(),
  after: z.record(z.string(), json).nullable(),
  reason: text(FREE.note).optional(),
  group: text(FREE.line).optional(),
  chain: text(40).optional(),
  seq: z.number().int().min(1).optional(),
  prev: hex(64).optional(),
  hash: hex(64).optional(),
  // A complainant's name is covered by a salted digest (docs/audit-chain.md); the salt only in
  // a backup.
  privateDigest: hex(64).optional(),
  privateSalt: hex(32).optional(),
});

const setting = z.strictObject({ key: text(200), value: json });

/** An attachment as packed: its bytes are the entry `attachments/<id>`. */
const attachment = z.strictObject({
  id,
  type: text(FREE.short),
  size: count(MAX_ATTACHMENT_BYTES * 2),
});

const handoff = z.strictObject({
  id,
  at: moment,
  direction: z.enum(['export', 'import', 'restore']),
  place: text(FREE.note),
  sha256: z.string().regex(/^([0-9a-f]{64})?$/),
  size: z.number().int().min(0),
  period: z.strictObject({ from: z.string().max(10), to: z.string().max(10) }),
  counts: z.record(z.string().max(60), z.number().int().min(0)),
  fingerprint: text(FREE.short),
  by: actor,
});

const secretHash = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: hex(32),
  hash: hex(64),
});

/** A sign-in account: only in a backup, only ever restored onto a PC that has none. */
const account = z.strictObject({
  id,
  name: text(ACCOUNT_NAME_MAX),
  roles: z.array(z.enum(ROLE_IDS as [Role, ...Role[]])).max(ROLE_IDS.length),
  rights: z.array(z.enum(RIGHTS as [Right, ...Right[]])).max(RIGHTS.length),
  password: secretHash,
  recovery: secretHash.optional(),
  mustChangePassword: z.boolean().optional(),
  disabled: z.boolean().optional(),
  createdAt: moment,
  createdBy: actor,
  updatedAt: moment,
});

/** Every table a package or a backup may carry, with its records' schema. */
// —— The county desk's own tables (only in a county PC's backup) ——

const head = z.strictObject({ chain: text(40), seq: z.number().int().min(1), hash: hex(64) });

/** A town the county registered by its key (shared/domain/county.ts `RegisteredTown`). */
const countyTown = z.strictObject({
  id,
  name: text(TOWN_NAME_MAX),
  publicKey: hex(64),
  fingerprint: text(FREE.short),
  registeredAt: moment,
  registeredBy: actor,
  previousKeys: z
    .array(
      z.strictObject({
        fingerprint: text(FREE.short),
        until: moment,
        by: actor,
        reason: text(FREE.line),
      }),
    )
    .max(1000),
});

/** A package the county received and kept, with its verdict (`ReceivedPackage`). */
const countyPackage = z.strictObject({
  id: hex(64),
  townId: id,
  fileName: text(FREE.line + 100),
  createdAt: moment,
  period: z.strictObject({ from: z.string().max(10), to: z.string().max(10) }),
  head: head.optional(),
  counts: z.record(z.string().max(60), z.number().int().min(0)),
  receivedAt: moment,
  receivedBy: actor,
  verdict: z.enum([
    'unregistered',
    'wrongKey',
    'duplicate',
    'older',
    'rewound',
    'rewritten',
    'newChain',
    'current',
  ]),
  note: text(FREE.note),
});

/** One record of a town as its package brought it: checked as that package was when received. */
const countyRecord = z.strictObject({
  key: text(FREE.line + 200),
  townId: id,
  table: z.string().regex(/^[A-Za-z0-9]{1,60}$/),
  row: z.record(z.string(), json),
});

/** The county's inspection feedback list for a town (shared/domain/countyFeedback.ts). */
const countyFeedback = z.strictObject({
  id,
  townId: id,
  townName: text(TOWN_NAME_MAX),
  batch: text(FEEDBACK_LIMITS.batch),
  issuedOn: date,
  items: z
    .array(
      z.strictObject({
        id,
        number: text(FREE.short),
        villageName: text(VILLAGE_NAME_MAX),
        category: text(FEEDBACK_LIMITS.category),
        place: text(FEEDBACK_LIMITS.place),
        description: text(FEEDBACK_LIMITS.description),
        requirement: text(FEEDBACK_LIMITS.requirement),
        responsible: text(FEEDBACK_LIMITS.responsible),
        deadline: date,
        presses: z.strictObject({ problemId: id, number: text(FREE.short) }).optional(),
      }),
    )
    .max(FEEDBACK_LIMITS.items),
  status: z.enum(['draft', 'issued']),
  createdAt: moment,
  createdBy: actor,
  issuedAt: moment.optional(),
  issuedBy: actor.optional(),
});

export const RECORD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  town,
  villages: village,
  people: person,
  ruleDocuments: ruleDocument,
  standards: standard,
  periods: period,
  deductions: deduction,
  villageChecks: villageCheck,
  results: result,
  dueActions: dueAction,
  problems: problem,
  audit,
  settings: setting,
  attachments: attachment,
  handoffs: handoff,
  briefings: briefing,
  rivers: river,
  riverPatrols: riverPatrol,
  forestPlots: forestPlot,
  forestPatrols: forestPatrol,
  workRecords: workRecord,
  summaries: summary,
  accounts: account,
  countyTowns: countyTown,
  countyPackages: countyPackage,
  countyRecords: countyRecord,
  countyFeedback,
};
