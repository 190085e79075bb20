import Dexie, { type Table, type Transaction } from 'dexie';
import type {
  DueAction,
  Deduction,
  Period,
  PeriodResult,
  VillageCheck,
} from '@shared/domain/assessment';
import { BUILT_IN_AT, type AuditEntry } from '@shared/domain/audit';
import { linkEntry, type ChainHead, type ChainLinks } from '@shared/domain/auditChain';
import type { Briefing } from '@shared/domain/briefing';
import type { ForestPatrol, ForestPlot, River, RiverPatrol } from '@shared/domain/patrol';
import type { WorkRecord } from '@shared/domain/workRecords';
import type { SummaryDraft } from '@shared/domain/yearSummary';
import type { Problem } from '@shared/domain/problem';
import type { HandoffLogEntry } from '@shared/handoff/log';
import { tallyOf, type TallyRow } from '@shared/domain/ledgerStats';
import type { StandardVersion } from '@shared/domain/standard';
import type { Person } from '@shared/domain/person';
import type { RuleDocument } from '@shared/domain/ruleDocument';
import type { Town } from '@shared/domain/town';
import type { Account } from '@shared/domain/accounts';
import type { ReceivedPackage, RegisteredTown } from '@shared/domain/county';
import type { FeedbackList } from '@shared/domain/countyFeedback';

/** What 全县总览 needs of one town (repositories/countyRepo.ts `TownInputs`), by town. */
/** What 全县总览 reads of a town (`countyDigest.ts`), with the packages it was made from. */
export type CountyDigest = TownDigest & {
  townId: string;
  /** The town's packages when made: a package received (or kept) changes it. */
  stamp: string;
};

/** A town's live items at the county, in the drill-down's order (record keys). */
export interface CountyItemOrder {
  townId: string;
  stamp: string;
  keys: string[];
}

/** One record of a town as its packages brought it to the county. */
export interface CountyRecord {
  /** `<town>|<table>|<record id>`: a newer package's version of a record replaces the older. */
  key: string;
  townId: string;
  table: string;
  row: Record<string, unknown>;
}
import type { Village } from '@shared/domain/village';
import type { TownDigest } from '@shared/domain/countyDigest';
import { INSTALLATION_KEY, newInstallationId } from './writeContext';

/** Small key/value settings: the operator's name, set-up state, storage persistence. */
export interface Setting {
  key: string;
  value: unknown;
}

/** The bytes of an attached file; kept apart so that lists never load them. */
import type { Attachment } from './attachments';
export type { Attachment };

export const DATABASE_NAME = 'eco-desk';

/**
 * Every schema version of the database, oldest first. A version that has shipped is never
 * edited: a change appends a new version with its upgrade. Primary keys never change.
 */
export const SCHEMA_VERSIONS: {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      town: 'id',
      villages: 'id, name, order',
      people: 'id, name, villageId, *roles',
      ruleDocuments: 'id, issuedOn',
      attachments: 'id',
      audit: 'id, at, [table+recordId]',
      settings: 'key',
    },
  },
  {
    // Village assessment: the versioned standard, monthly periods, the grid's cells, published
    // results (红黄榜) and the actions they call for.
    version: 2,
    stores: {
      standards: 'id, effectiveFrom',
      periods: 'id, status',
      deductions: 'id, periodId, villageId, [periodId+villageId]',
      villageChecks: 'id, periodId',
      results: 'id, cadence',
      dueActions: 'id, periodKey, villageId',
    },
  },
  {
    // The rectification ledger. `&number`: a problem number is unique and, since records are
    // only ever soft-deleted, never reused.
    version: 3,
    stores: {
      problems: 'id, &number, status, source, villageId, category, deadline, foundOn',
    },
  },
  {
    // The ledger's tally (counts by source × village × category, kept with every change of an
    // item) so that figures over 20,000 items read a few hundred rows; `externalKey` finds an item
    // of a county list that was imported before.
    version: 4,
    stores: {
      problems: 'id, &number, status, source, villageId, category, deadline, foundOn, externalKey',
      ledgerTally: 'key',
    },
    upgrade: async (tx) => {
      const problems = await tx.table<Problem, string>('problems').toArray();
      await tx.table<TallyRow, string>('ledgerTally').bulkPut(tallyOf(problems));
    },
  },
  {
    // The hand-off log (数据交换记录): every package exported or imported.
    version: 5,
    stores: { handoffs: 'id, at' },
  },
  {
    // Monthly briefings: the draft's focus text, and each issued briefing as it was printed.
    version: 6,
    stores: { briefings: 'id, month, issuedAt' },
  },
  {
    // River and forest chiefs' patrols (60,000 over ten years: indexed by date and by who), the
    // rivers and forest plots they cover, the work records of every kind, and the year-end drafts.
    version: 7,
    stores: {
      rivers: 'id',
      riverPatrols: 'id, date, chiefId, segmentId',
      forestPlots: 'id, villageId',
      forestPatrols: 'id, date, rangerId, plotId',
      workRecords: 'id, kind, date, [kind+date]',
      summaries: 'id',
    },
  },
  {
    // The history as a hash chain (docs/audit-chain.md): each installation's entries by their
    // place in its chain. The entries written before are linked, oldest first, onto this
    // installation's chain; the built-in standard's entry stays outside every chain.
    version: 8,
    stores: { audit: 'id, at, [table+recordId], [chain+seq]' },
    upgrade: async (tx) => {
      const settings = tx.table<Setting, string>('settings');
      const stored = (await settings.get(INSTALLATION_KEY))?.value;
      const installation = typeof stored === 'string' && stored ? stored : newInstallationId();
      if (installation !== stored)
        await settings.put({ key: INSTALLATION_KEY, value: installation });
      const audit = tx.table<AuditEntry, string>('audit');
      const entries = (await audit.toArray())
        .filter((e) => e.at !== BUILT_IN_AT && e.seq === undefined)
        .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
      const linked: AuditEntry[] = [];
      let head: ChainHead | null = null;
      for (const entry of entries) {
        const next: AuditEntry & ChainLinks = linkEntry(entry, installation, head);
        linked.push(next);
        head = { seq: next.seq, hash: next.hash };
      }
      await audit.bulkPut(linked);
    },
  },
  {
    // This PC's sign-in accounts (本机账号): never in a package or a backup.
    version: 9,
    stores: { accounts: 'id, &name' },
  },
  {
    // The county desk (县级工作台): the towns registered by their keys, the packages received
    // from each, and each town's records as its packages brought them — kept apart from any
    // records of this installation's own, keyed by town, table and record.
    version: 10,
    stores: {
      countyTowns: 'id, &name',
      countyPackages: 'id, townId, createdAt',
      countyRecords: 'key, [townId+table]',
    },
  },
  {
    // The county's inspection feedback lists for the towns (督查反馈清单), drafts and issued.
    version: 11,
    stores: { countyFeedback: 'id, townId' },
  },
  {
    // 回头看 (docs/recheck.md): closed items by the day of their 销号, and the items kept under
    // long-term watch (已完成·长期坚持), so that what is due is read without the whole ledger.
    // Only indexes are added: existing items keep their fields, and IndexedDB builds the indexes
    // from them (an item without a 销号 or a duty is simply not in that index).
    version: 12,
    stores: {
      problems:
        'id, &number, status, source, villageId, category, deadline, foundOn, externalKey, verification.date, longTerm.intervalDays',
    },
  },
  {
    // The county desk: what 全县总览 needs of each town, kept when its package is received (or a
    // backup restored), so the overview opens without reading the towns' records. Derived: never
    // in a backup; a county PC of version 12 reads the records once until its next receipt.
    version: 13,
    stores: { countyDigests: 'townId' },
  },
  {
    // The county desk: each town's items in the drill-down's order (by deadline), kept with its
    // digest, so the drill-down reads the hundred it shows, not the town's 20,000. Derived, like
    // the digests: never in a backup, made again after a restore.
    version: 14,
    stores: { countyItemOrder: 'townId' },
  },
  {
    // The ledger by the time of each item's last write, so that the year-end draft reads the items
    // of its year (found, closed, or looked at again in it: a 回头看 or a 反弹 is a write at or after
    // its date, record.ts `stamp`), not the whole ledger. Only an index is added, as in version 12.
    version: 15,
    stores: {
      problems:
        'id, &number, status, source, villageId, category, deadline, foundOn, externalKey, verification.date, longTerm.intervalDays, updatedAt',
    },
  },
  {
    // The indexes no query reads are dropped: every write of a record paid for each of them (an
    // import of ten years wrote some 200,000 index entries for nothing). The ledger's figures by
    // source and category come from its tally, its deadlines from the items it lists; patrols are
    // read by date only, deductions by month. Records keep every field; only the indexes go.
    version: 16,
    stores: {
      problems:
        'id, &number, status, villageId, foundOn, externalKey, verification.date, longTerm.intervalDays, updatedAt',
      riverPatrols: 'id, date',
      forestPatrols: 'id, date',
      deductions: 'id, periodId, [periodId+villageId]',
      dueActions: 'id, periodKey',
    },
  },
];

export class EcoDeskDb extends Dexie {
  town!: Table<Town, string>;
  villages!: Table<Village, string>;
  people!: Table<Person, string>;
  ruleDocuments!: Table<RuleDocument, string>;
  attachments!: Table<Attachment, string>;
  audit!: Table<AuditEntry, string>;
  settings!: Table<Setting, string>;
  standards!: Table<StandardVersion, string>;
  periods!: Table<Period, string>;
  deductions!: Table<Deduction, string>;
  villageChecks!: Table<VillageCheck, string>;
  results!: Table<PeriodResult, string>;
  dueActions!: Table<DueAction, string>;
  problems!: Table<Problem, string>;
  ledgerTally!: Table<TallyRow, string>;
  handoffs!: Table<HandoffLogEntry, string>;
  briefings!: Table<Briefing, string>;
  rivers!: Table<River, string>;
  riverPatrols!: Table<RiverPatrol, string>;
  forestPlots!: Table<ForestPlot, string>;
  forestPatrols!: Table<ForestPatrol, string>;
  workRecords!: Table<WorkRecord, string>;
  summaries!: Table<SummaryDraft, string>;
  accounts!: Table<Account, string>;
  countyTowns!: Table<RegisteredTown, string>;
  countyPackages!: Table<ReceivedPackage, string>;
  countyRecords!: Table<CountyRecord, string>;
  countyFeedback!: Table<FeedbackList, string>;
  countyDigests!: Table<CountyDigest, string>;
  countyItemOrder!: Table<CountyItemOrder, string>;

  constructor(name: string = DATABASE_NAME, upToVersion: number = Number.POSITIVE_INFINITY) {
    // Strict durability: a write is on disk when its transaction completes (power cuts happen).
    super(name, { chromeTransactionDurability: 'strict' });
    for (const step of SCHEMA_VERSIONS) {
      if (step.version > upToVersion) break;
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
