import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { ExportChoice, HandoffLogEntry } from '@shared/handoff/log';
import type { MergePlan } from '@shared/handoff/merge';
import {
  assemblePackage,
  preparePackage,
  verifyPackage,
  type Manifest,
} from '@shared/handoff/package';
import { actions } from '../../db/actions';
import { platform } from '../../platform';

export type ExportStep = 'collect' | 'pack' | 'sign' | 'write';

export type ExportOutcome =
  | { status: 'saved'; receipt: Omit<HandoffLogEntry, 'id' | 'at' | 'by' | 'direction'> }
  | { status: 'canceled' }
  | { status: 'failed'; message: string };

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Builds a package of the chosen data, has the platform sign it (the key never reaches the page
 * in the desktop app), checks the finished file with the importer's own checks, writes it where
 * the user chooses, and records it in the hand-off log.
 */
export async function exportPackage(
  choice: ExportChoice,
  onStep: (step: ExportStep) => void,
): Promise<ExportOutcome> {
  onStep('collect');
  const contents = await actions.collectExport(choice);
  const [info, identity] = await Promise.all([platform.getAppInfo(), platform.getIdentity()]);
  onStep('pack');
  const prepared = preparePackage({
    ...contents,
    appVersion: info.version,
    createdAt: new Date().toISOString(),
    publicKey: hexToBytes(identity.publicKey),
  });
  onStep('sign');
  const signed = await platform.signManifest(prepared.manifestBytes);
  if (signed.status !== 'signed') return { status: 'failed', message: '签名失败，未导出。' };
  const data = assemblePackage(prepared, signed.signature);
  const check = verifyPackage(data);
  if (!check.ok) return { status: 'failed', message: `导出的包没有通过检查：${check.problem}` };
  onStep('write');
  const saved = await platform.saveFile({
    suggestedName: `${contents.town.name}-数据交换-${today()}.zip`,
    data,
    filters: [{ name: '数据交换包', extensions: ['zip'] }],
  });
  if (saved.status === 'canceled') return { status: 'canceled' };
  if (saved.status === 'failed') return { status: 'failed', message: saved.message };
  const receipt = {
    place: saved.path,
    sha256: bytesToHex(sha256(data)),
    size: data.length,
    period: prepared.manifest.period,
    counts: prepared.manifest.counts,
    fingerprint: identity.fingerprint,
  };
  await actions.logExport(receipt);
  return { status: 'saved', receipt };
}

export interface ImportReview {
  fileName: string;
  size: number;
  sha256: string;
  manifest: Manifest;
  fingerprint: string;
  plan: MergePlan;
  attachment: (id: string) => Uint8Array;
}

/** Opens a package, checks it completely, and plans the import; nothing is written. */
export async function reviewPackage(): Promise<ImportReview | { problem: string } | null> {
  const opened = await platform.openFile({
    filters: [{ name: '数据交换包或备份', extensions: ['zip'] }],
    maxBytes: 200 * 1024 * 1024,
  });
  if (opened.status === 'canceled') return null;
  if (opened.status === 'failed') return { problem: opened.message };
  const verified = verifyPackage(opened.data);
  if (!verified.ok) return { problem: `《${opened.name}》不能导入：${verified.problem}` };
  const plan = await actions.planHandoffImport(verified.tables, verified.manifest.publicKey);
  return {
    fileName: opened.name,
    size: opened.data.length,
    sha256: bytesToHex(sha256(opened.data)),
    manifest: verified.manifest,
    fingerprint: verified.fingerprint,
    plan,
    attachment: (id) => verified.entry(`attachments/${id}`),
  };
}

/** Writes a reviewed import (all or nothing). */
export function commitReview(review: ImportReview, theirs: ReadonlySet<string>) {
  return actions.commitHandoffImport({
    plan: review.plan,
    theirs,
    attachment: review.attachment,
    maker: review.manifest.publicKey,
    createdAt: review.manifest.createdAt,
    log: {
      place: review.fileName,
      sha256: review.sha256,
      size: review.size,
      period: review.manifest.period,
      counts: review.manifest.counts,
      fingerprint: review.fingerprint,
    },
  });
}
