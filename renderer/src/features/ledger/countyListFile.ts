import type { Cell } from '@shared/domain/countyImport';
import { formatTimestamp } from '../../components/format';
import { actions } from '../../db/actions';
import { checkPackage } from '../../lib/packageCheck';
import { isZip, readFirstSheetCells } from '../../lib/xlsx';
import { platform } from '../../platform';
import { IMPORT } from './importStrings';

/** Where a signed list came from: the county's key, as registered here (or to be). */
export interface ListSigner {
  county: string;
  publicKey: string;
  fingerprint: string;
}

export type PickedList =
  | { status: 'opened'; name: string; rows: Cell[][]; signer?: ListSigner | undefined }
  /** A signed list whose county key this PC has not registered: compare, register, then open. */
  | { status: 'unregistered'; name: string; rows: Cell[][]; signer: ListSigner }
  /**
   * A signed list under another key than the county's registered one: refused, naming both; the
   * county's new PC is re-registered by an explicit step, then the list opens.
   */
  | {
      status: 'otherKey';
      name: string;
      rows: Cell[][];
      signer: ListSigner;
      registered: { county: string; fingerprint: string };
    }
  | { status: 'failed'; message: string };

const LIST_BYTES = 10 * 1024 * 1024;

async function sheetOf(name: string, data: Uint8Array): Promise<PickedList> {
  try {
    return { status: 'opened', name, rows: await readFirstSheetCells(data) };
  } catch (error) {
    console.error('[eco-desk] county list', error);
    return { status: 'failed', message: `文件“${name}”无法读取，可能已损坏。` };
  }
}

/**
 * A county's signed feedback list (督查反馈清单 as a package): checked completely, for this
 * town, by the county's registered key — or, the first time, by a key to be compared; under
 * another key, refused with the offer to re-register the county's new PC; under a key the county
 * had before, refused.
 */
async function signedList(name: string, data: Uint8Array): Promise<PickedList> {
  // Checked in a worker, as every package is: the page stays responsive meanwhile.
  const checked = (await checkPackage(data)).verified;
  if (!checked.ok) return { status: 'failed', message: `《${name}》不能导入：${checked.problem}` };
  const { feedback, town, publicKey } = checked.manifest;
  if (!feedback)
    return {
      status: 'failed',
      message: `《${name}》是乡镇的数据交换包或备份，不是县里的督查反馈清单。数据交换包请在“数据交换”里导入。`,
    };
  const signer = { county: feedback.county, publicKey, fingerprint: checked.fingerprint };
  const check = await actions.checkFeedbackSigner({
    townName: town.name,
    publicKey,
    fingerprint: checked.fingerprint,
  });
  if (check.kind === 'otherTown')
    return {
      status: 'failed',
      message: `《${name}》是${feedback.county}给“${town.name}”的清单，不是给本镇（${check.town}）的。`,
    };
  if (check.kind === 'retiredKey')
    return {
      status: 'failed',
      message: IMPORT.rekey.retired(
        name,
        check.signer.county,
        check.retired.fingerprint,
        formatTimestamp(check.retired.until),
        check.retired.by,
        check.signer.fingerprint,
      ),
    };
  let sheet: Uint8Array;
  try {
    sheet = checked.entry(feedback.sheet);
  } catch {
    return { status: 'failed', message: `《${name}》里没有清单表格。` };
  }
  const opened = await sheetOf(name, sheet);
  if (opened.status !== 'opened') return opened;
  if (check.kind === 'wrongKey')
    return {
      status: 'otherKey',
      name,
      rows: opened.rows,
      signer,
      registered: { county: check.signer.county, fingerprint: check.signer.fingerprint },
    };
  return check.kind === 'unregistered'
    ? { status: 'unregistered', name, rows: opened.rows, signer }
    : { ...opened, signer };
}

/**
 * Lets the user choose the county's list — an .xlsx as the county sends it, or the county's
 * signed package holding it — and reads its first sheet; null when canceled.
 */
export async function pickCountyList(
  options: { signed?: boolean } = { signed: true },
): Promise<PickedList | null> {
  const opened = await platform.openFile({
    filters: [
      {
        name: options.signed ? 'Excel 表格或县里签名的清单' : 'Excel 表格',
        extensions: options.signed ? ['xlsx', 'zip'] : ['xlsx'],
      },
    ],
    maxBytes: LIST_BYTES,
  });
  if (opened.status === 'canceled') return null;
  if (opened.status === 'failed') return { status: 'failed', message: opened.message };
  const lower = opened.name.toLowerCase();
  if (options.signed && lower.endsWith('.zip')) return signedList(opened.name, opened.data);
  if (!lower.endsWith('.xlsx') || !isZip(opened.data))
    return {
      status: 'failed',
      message: `文件“${opened.name}”不是 Excel 表格（.xlsx）。如果是 .xls 旧格式，请先在 WPS 或 Excel 里另存为 .xlsx。`,
    };
  return sheetOf(opened.name, opened.data);
}
