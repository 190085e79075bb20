import { hexToBytes } from '@noble/hashes/utils.js';
import type { PeriodResult } from '@shared/domain/assessment';
import type { Problem } from '@shared/domain/problem';
import type { Village } from '@shared/domain/village';
import type { ExportChoice } from '@shared/handoff/log';
import { ledgerSheet, resultsSheet } from '@shared/handoff/readable';
import { writeSheet } from '../lib/xlsx';
import {
  assemblePackage,
  preparePackage,
  verifyPackage,
  type Manifest,
  type PackageContents,
  type PreparedPackage,
} from '@shared/handoff/package';
import type { HandoffIdentity, SignResult } from '@shared/ipc/api';
import type { PackRequest, PackResponse } from './packWorker';
import { collectExport } from './repositories/handoffRepo';
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
 * opened for a backup before a migration), checked with the importer's own checks.
 */
export async function buildPackage(
  db: EcoDeskDb,
  choice: ExportChoice,
  signer: Signer,
  appVersion: string,
  onStep: (step: BuildStep) => void = () => undefined,
  /** Readable .xlsx copies for people (exports to the county; backups leave them out). */
  readable = false,
): Promise<{ data: Uint8Array; manifest: Manifest; fingerprint: string }> {
  onStep('collect');
  const contents = await collectExport(db, choice);
  if (readable) {
    const villages = new Map(
      (contents.tables.villages as Village[]).map((v) => [v.id, v.name] as [string, string]),
    );
    if (contents.tables.problems)
      contents.files['readable/问题整改台账.xlsx'] = await writeSheet(
        '问题整改台账',
        ledgerSheet(contents.tables.problems as Problem[], villages),
      );
    if (contents.tables.results)
      contents.files['readable/考核结果.xlsx'] = await writeSheet(
        '考核结果',
        resultsSheet(contents.tables.results as PeriodResult[]),
      );
  }
  const identity = await signer.getIdentity();
  onStep('pack');
  const packer = await packerOf();
  const prepared = await packer.prepare({
    ...contents,
    appVersion,
    createdAt: new Date().toISOString(),
    publicKey: hexToBytes(identity.publicKey),
  });
  onStep('sign');
  const signed = await signer.signManifest(prepared.manifestBytes);
  if (signed.status !== 'signed') throw new Error('签名失败。');
  const data = await packer.assemble(prepared, signed.signature);
  return { data, manifest: prepared.manifest, fingerprint: identity.fingerprint };
}

interface Packer {
  prepare(input: PackageContents): Promise<PreparedPackage>;
  assemble(prepared: PreparedPackage, signature: string): Promise<Uint8Array>;
}

/** In this thread: for tests (no workers) and as the fallback. */
const inThread: Packer = {
  prepare: (input) => Promise.resolve(preparePackage(input)),
  assemble: (prepared, signature) => {
    const data = assemblePackage(prepared, signature);
    const check = verifyPackage(data);
    if (!check.ok) throw new Error(`打好的包没有通过检查：${check.problem}`);
    return Promise.resolve(data);
  },
};

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;

/** The worker itself failed (it could not load, or crashed): pack in this thread instead. */
class WorkerFailed extends Error {}

/**
 * In a worker when the page can start one (a module worker served from the app's own origin, so
 * the CSP allows it), so that packing 10 years of data does not freeze the screen.
 */
function packerOf(): Promise<Packer> {
  if (typeof Worker === 'undefined' || workerFailed) return Promise.resolve(inThread);
  worker ??= new Worker(new URL('./packWorker.ts', import.meta.url), { type: 'module' });
  const call = (request: PackRequest) =>
    new Promise<PackResponse>((resolve, reject) => {
      const current = worker!;
      const onMessage = (event: MessageEvent<PackResponse>) => {
        if (event.data.id !== request.id) return;
        current.removeEventListener('message', onMessage);
        current.removeEventListener('error', onError);
        resolve(event.data);
      };
      const onError = (event: ErrorEvent) => {
        current.removeEventListener('message', onMessage);
        current.removeEventListener('error', onError);
        console.error('[eco-desk] pack worker', event.message);
        workerFailed = true;
        worker?.terminate();
        worker = null;
        reject(new WorkerFailed(event.message));
      };
      current.addEventListener('message', onMessage);
      current.addEventListener('error', onError);
      current.postMessage(request);
    });
  const ok = (response: PackResponse) => {
    if (!response.ok) throw new Error(response.message);
    return response;
  };
  const orInThread = async <T>(work: () => Promise<T>, fallback: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof WorkerFailed) return fallback();
      throw error;
    }
  };
  return Promise.resolve({
    prepare: (input) =>
      orInThread(
        async () => ok(await call({ id: ++nextId, op: 'prepare', input })).prepared!,
        () => inThread.prepare(input),
      ),
    assemble: (prepared, signature) =>
      orInThread(
        async () => ok(await call({ id: ++nextId, op: 'assemble', prepared, signature })).data!,
        () => inThread.assemble(prepared, signature),
      ),
  });
}
