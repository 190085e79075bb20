import { hexToBytes } from '@noble/hashes/utils.js';
import {
  FEEDBACK_SHEET_HEADERS,
  feedbackFileName,
  feedbackSheet,
  type FeedbackList,
} from '@shared/domain/countyFeedback';
import { packEntry, PackageWriter } from '@shared/handoff/package';
import type { SaveFileResult } from '@shared/ipc/api';
import { writeCountySheet } from '../../lib/xlsx';
import { platform } from '../../platform';

/** Where a feedback package keeps its sheet. */
export const feedbackSheetEntry = (list: FeedbackList) =>
  `feedback/${feedbackFileName(list, 'xlsx')}`;

/** The list as the county's spreadsheet (the town's ledger imports it). */
export async function feedbackWorkbook(county: string, list: FeedbackList): Promise<Uint8Array> {
  const sheet = feedbackSheet(county, list);
  return writeCountySheet(
    '督查反馈清单',
    {
      titleRows: sheet.titleRows,
      columns: FEEDBACK_SHEET_HEADERS.map((header) => ({ field: header, header })),
    },
    sheet.rows,
  );
}

/**
 * The list as a package signed by the county's key, holding the sheet: the town's import checks
 * the signature against the county's fingerprint it registered once.
 */
export async function feedbackPackage(
  county: string,
  list: FeedbackList,
  appVersion: string,
): Promise<Uint8Array> {
  const sheet = await feedbackWorkbook(county, list);
  const writer = new PackageWriter();
  const entry = feedbackSheetEntry(list);
  writer.addFile(packEntry(entry, sheet));
  const identity = await platform.getIdentity();
  const month = list.issuedOn.slice(0, 7);
  const { manifestBytes } = writer.prepare({
    appVersion,
    town: { id: list.townId, name: list.townName },
    period: { from: month, to: month },
    createdAt: new Date().toISOString(),
    publicKey: hexToBytes(identity.publicKey),
    feedback: { county, batch: list.batch, items: list.items.length, sheet: entry },
  });
  const signed = await platform.signManifest(manifestBytes);
  if (signed.status !== 'signed') throw new Error(signed.message);
  return writer.seal(signed.signature);
}

export async function saveFeedbackSheet(
  county: string,
  list: FeedbackList,
): Promise<SaveFileResult> {
  return platform.saveFile({
    suggestedName: feedbackFileName(list, 'xlsx'),
    data: await feedbackWorkbook(county, list),
    filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
  });
}

export async function saveFeedbackPackage(
  county: string,
  list: FeedbackList,
): Promise<SaveFileResult> {
  const info = await platform.getAppInfo();
  return platform.saveFile({
    suggestedName: feedbackFileName(list, 'zip'),
    data: await feedbackPackage(county, list, info.version),
    filters: [{ name: '签名的反馈清单', extensions: ['zip'] }],
  });
}
