import { hexToBytes } from '@noble/hashes/utils.js';
import type { PeriodResult } from '@shared/domain/assessment';
import type { Problem } from '@shared/domain/problem';
import type { Village } from '@shared/domain/village';
import type { ExportChoice } from '@shared/handoff/log';
import Dexie from 'dexie';
import {
  PackageWriter,
  recordParts,
  recordsEntry,
  RECORD_PART_BYTES,
  type Manifest,
  type PackedEntry,
} from '@shared/handoff/package';
import { ledgerSheet, resultsSheet } from '@shared/handoff/readable';
import type { HandoffIdentity, SignResult } from '@shared/ipc/api';
import { answerPackOp, type PackOp, type PackRequest, type PackResponse } from './packOps';
import { collectExport, type PackedTable } from './repositories/handoffRepo';
import type { EcoDeskDb } from './schema';

/** What signs a package: the platform (the main process keeps the key in the desktop app). */
export interface Signer {
  getIdentity(): Promise<HandoffIdentity>;
  signManifest(manifest: Uint8Array): Promise<SignResult>;
}

export type BuildStep = 'collect' | 'pack' | 'sign';

export const EVERYTHING: ExportChoice = {
  from: '',
  to: '',
  assessment: true,
  ledger: true,
  attachments: true,
};

/**
 * A signed package of the chosen data from a database (the app's, or an older version of it
 * opened for a backup before a migration). The tables are read in parallel and each is handed to
 * the packer as soon as it is read, so that hashing and deflating (in a worker) run while the page
 * still reads; the packer checks every entry and the sealed zip.
 */
export async function buildPackage(
  db: EcoDeskDb,
  choice: ExportChoice,
  signer: Signer,
  options: BuildOptions,
): Promise<{ data: Uint8Array; manifest: Manifest; fingerprint: string }> {
  const build = (packer: Packer) => buildWith(packer, db, choice, signer, options);
  try {
    return await build(packerOf());
  } catch (error) {
    // The worker could not load or crashed: once more, in this thread.
    if (error instanceof WorkerFailed) return build(inThread);
    throw error;
  }
}

export interface BuildOptions {
  appVersion: string;
  onStep?: (step: BuildStep) => void;
  /** Readable .xlsx copies for people (exports to the county; backups leave them out). */
  readable?: boolean;
  /**
   * A backup: this PC's own, with everything in it (the complainants too). A package that
   * leaves the PC never carries a private field.
   */
  backup?: boolean;
  /** Further readable copies made elsewhere (the briefing's PDF), by name in the package. */
  files?: Record<string, Uint8Array>;
  /** The most JSON of one part of a table (`recordParts`; tests make it small). */
  partBytes?: number;
}

async function buildWith(
  packer: Packer,
  db: EcoDeskDb,
  choice: ExportChoice,
  signer: Signer,
  {
    appVersion,
    onStep = () => undefined,
    readable = false,
    backup = false,
    files = {},
    partBytes = RECORD_PART_BYTES,
  }: BuildOptions,
) {
  const writer = new PackageWriter();
  const packing: Promise<void>[] = [];
  const pack = (op: PackOp, add: (packed: PackedEntry) => void, transfer: Transferable[] = []) => {
    const done = packer.pack(op, transfer).then((packed) => packed.forEach(add));
    // Awaited all together below; until then a refusal must not count as unhandled.
    done.catch(() => undefined);
    packing.push(done);
  };
  onStep('collect');
  const identity = signer.getIdentity();
  identity.catch(() => undefined);
  // The readable copies are written as soon as the tables they show are read.
  const read: Partial<Record<PackedTable, unknown[]>> = {};
  const readableCopies = (table: PackedTable) => {
    if (!readable) return;
    const { problems, villages, results } = read;
    if ((table === 'problems' || table === 'villages') && problems && villages) {
      const names = new Map((villages as Village[]).map((v) => [v.id, v.name] as const));
      pack(
        {
          op: 'sheet',
          name: 'readable/问题整改台账.xlsx',
          sheet: '问题整改台账',
          rows: ledgerSheet(problems as Problem[], names),
        },
        addFile,
      );
    }
    if (table === 'results' && results)
      pack(
        {
          op: 'sheet',
          name: 'readable/考核结果.xlsx',
          sheet: '考核结果',
          rows: resultsSheet(results as PeriodResult[]),
        },
        addFile,
      );
  };
  const addFile = (p: PackedEntry) => writer.addFile(p);
  let photos: { name: string; data: Uint8Array }[] = [];
  let photoBytes = 0;
  const packPhotos = () => {
    if (photos.length === 0) return;
    pack(
      { op: 'files', files: photos },
      addFile,
      photos.map((f) => f.data.buffer),
    );
    photos = [];
    photoBytes = 0;
  };
  // A table's JSON in parts, made record by record (a county desk's records are more than the
  // longest string the engine makes, and than an entry may hold), each moved to a packer as it
  // is made; at most two parts wait, so that a large table's bytes never all exist at once.
  // Outside the read's transaction: waiting for a packer would end it.
  const packTable = (table: PackedTable, rows: readonly unknown[]) =>
    Dexie.ignoreTransaction(async () => {
      const waiting: Promise<void>[] = [];
      for (const { part, count, bytes } of recordParts(rows, partBytes)) {
        const done = packer
          .pack({ op: 'entry', name: recordsEntry(table, part), data: bytes }, [bytes.buffer])
          .then(([p]) => writer.addRecords(table, count, p!, part));
        done.catch(() => undefined);
        waiting.push(done);
        if (waiting.length >= 2) await waiting.shift();
      }
      await Promise.all(waiting);
    });
  const contents = await collectExport(
    db,
    choice,
    (table, rows) => {
      const done = packTable(table, rows);
      done.catch(() => undefined);
      packing.push(done);
      read[table] = rows;
      readableCopies(table);
    },
    {
      backup,
      // The photos are packed as their bytes are read, in batches.
      onFile: (name, data) => {
        photos.push({ name, data });
        photoBytes += data.length;
        if (photos.length >= PHOTO_BATCH.files || photoBytes >= PHOTO_BATCH.bytes) packPhotos();
      },
    },
  );
  packPhotos();
  // Copied, not moved: the caller keeps its bytes (a second try in this thread needs them).
  for (const [name, data] of Object.entries(files)) pack({ op: 'entry', name, data }, addFile);
  onStep('pack');
  await Promise.all(packing);
  const { fingerprint, publicKey } = await identity;
  const { manifest, manifestBytes } = writer.prepare({
    appVersion,
    createdAt: new Date().toISOString(),
    publicKey: hexToBytes(publicKey),
    town: contents.town,
    period: contents.period,
    ...(contents.history ? { history: contents.history } : {}),
    // Marked, so that it is restored and never imported (it carries this PC's own tables).
    ...(backup ? { backup: true } : {}),
  });
  onStep('sign');
  const signed = await signer.signManifest(manifestBytes);
  if (signed.status !== 'signed') throw new Error(signed.message);
  try {
    return { data: writer.seal(signed.signature), manifest, fingerprint };
  } catch (error) {
    throw new Error(`打好的包没有通过检查：${error instanceof Error ? error.message : ''}`, {
      cause: error,
    });
  }
}

/**
 * Photos go to a packer this many at a time: thousands of a few KB each, one message each cost
 * the page more than their packing (measured on the ten-year demo: 4,463 photos).
 */
const PHOTO_BATCH = { files: 64, bytes: 4 * 1024 ** 2 };

interface Packer {
  pack(op: PackOp, transfer?: Transferable[]): Promise<PackedEntry[]>;
}

let nextId = 0;

const packedOf = (response: PackResponse): PackedEntry[] => {
  if (!response.ok) throw new Error(`打包没有完成：${response.message}`);
  return response.packed;
};

/** In this thread: for tests (no workers) and when no worker can start. */
const inThread: Packer = {
  pack: async (op) => packedOf(await answerPackOp({ ...op, id: ++nextId })),
};

/** The worker itself failed (it could not load, or crashed): pack in this thread instead. */
class WorkerFailed extends Error {}

interface PoolWorker {
  worker: Worker;
  /** Bytes sent and not yet answered: the next entry goes to the least busy worker. */
  load: number;
}

let pool: PoolWorker[] | null = null;
let workerFailed = false;
const waiting = new Map<
  number,
  { resolve: (r: PackResponse) => void; reject: (e: Error) => void; at: PoolWorker; bytes: number }
>();

function stopPool(message: string) {
  console.error('[eco-desk] pack worker', message);
  workerFailed = true;
  for (const { worker } of pool ?? []) worker.terminate();
  pool = null;
  for (const { reject } of waiting.values()) reject(new WorkerFailed(message));
  waiting.clear();
}

/**
 * Module workers served from the app's own origin (so the CSP allows them): as many as the PC
 * has cores besides the page's, at least two (the page is idle once the tables are read).
 */
function packerOf(): Packer {
  if (typeof Worker === 'undefined' || workerFailed) return inThread;
  if (!pool) {
    const count = Math.min(4, Math.max(2, (navigator.hardwareConcurrency || 2) - 1));
    pool = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./packWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<PackResponse>) => {
        const call = waiting.get(event.data.id);
        if (!call) return;
        waiting.delete(event.data.id);
        call.at.load -= call.bytes;
        call.resolve(event.data);
      };
      worker.onerror = (event: ErrorEvent) => stopPool(event.message || 'the worker did not start');
      return { worker, load: 0 };
    });
  }
  const workers = pool;
  return {
    pack: (op, transfer = []) =>
      new Promise<PackResponse>((resolve, reject) => {
        if (workerFailed) return reject(new WorkerFailed('packing worker stopped'));
        const at = workers.reduce((a, b) => (b.load < a.load ? b : a));
        const bytes =
          op.op === 'entry'
            ? op.data.length
            : op.op === 'files'
              ? op.files.reduce((sum, f) => sum + f.data.length, 0)
              : op.rows.length * 100;
        const request: PackRequest = { ...op, id: ++nextId };
        at.load += bytes;
        waiting.set(request.id, { resolve, reject, at, bytes });
        at.worker.postMessage(request, transfer);
      }).then(packedOf),
  };
}
