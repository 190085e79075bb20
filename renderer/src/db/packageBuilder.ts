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
} from '@shared/handoff/package';
import type { HandoffIdentity, SignResult } from '@shared/ipc/api';
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
  const prepared = preparePackage({
    ...contents,
    appVersion,
    createdAt: new Date().toISOString(),
    publicKey: hexToBytes(identity.publicKey),
  });
  onStep('sign');
  const signed = await signer.signManifest(prepared.manifestBytes);
  if (signed.status !== 'signed') throw new Error('签名失败。');
  const data = assemblePackage(prepared, signed.signature);
  const check = verifyPackage(data);
  if (!check.ok) throw new Error(`打好的包没有通过检查：${check.problem}`);
  return { data, manifest: prepared.manifest, fingerprint: identity.fingerprint };
}
