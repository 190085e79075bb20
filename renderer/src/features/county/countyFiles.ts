import type {
  ArrivalVerdict,
  ArrivingPackage,
  RegisteredTown,
  TownMonth,
} from '@shared/domain/county';
import {
  COMPARISON_COLUMNS,
  comparisonSheetHeader,
  comparisonSheetRows,
} from '@shared/domain/countyBriefing';
import { periodLabel } from '@shared/domain/period';
import type { SaveFileResult } from '@shared/ipc/api';
import { writeCountySheet } from '../../lib/xlsx';
import { actions } from '../../db/actions';
import { checkPackage } from '../../lib/packageCheck';
import { platform } from '../../platform';

/** A town's package chosen at the county, checked completely and judged, nothing written yet. */
export interface CountyArrival {
  fileName: string;
  arriving: ArrivingPackage;
  publicKey: string;
  counts: Record<string, number>;
  tables: Record<string, unknown[]>;
  verdict: ArrivalVerdict;
  town: RegisteredTown | undefined;
}

/** A package chosen, not read yet: its bytes are read when its turn comes. */
export interface PickedPackage {
  token: string;
  name: string;
  size: number;
}

const PACKAGE_BYTES = 500 * 1024 * 1024;

/** Lets the user choose one or several towns' packages (a USB stick's); null when canceled. */
export async function pickTownPackages(): Promise<PickedPackage[] | null> {
  const picked = await platform.pickFiles({
    filters: [{ name: '乡镇数据交换包', extensions: ['zip'] }],
  });
  return picked.status === 'picked' ? picked.files : null;
}

/**
 * Reads one chosen package, checks it as the town's import would (format, hashes, signature —
 * against the key inside it; the county then compares that key with the town's registered
 * one), and judges it against what was received from that town before. Nothing is written.
 */
export async function openTownPackage(
  file: PickedPackage,
): Promise<CountyArrival | { problem: string }> {
  const opened = await platform.readPickedFile(file.token, PACKAGE_BYTES);
  if (opened.status === 'canceled') return { problem: `《${file.name}》没有读到。` };
  if (opened.status === 'failed') return { problem: opened.message };
  const received = await checkPackage(opened.data);
  const checked = received.verified;
  if (!checked.ok) return { problem: `《${opened.name}》不能接收：${checked.problem}` };
  if (checked.manifest.feedback)
    return { problem: `《${opened.name}》是县里自己导出的督查反馈清单，不是乡镇的数据交换包。` };
  if (checked.manifest.backup)
    return { problem: `《${opened.name}》是乡镇电脑自己的备份，不是交给县里的数据交换包。` };
  const arriving: ArrivingPackage = {
    sha256: received.sha256,
    townName: checked.manifest.town.name,
    fingerprint: checked.fingerprint,
    createdAt: checked.manifest.createdAt,
    period: checked.manifest.period,
    head: checked.manifest.history,
  };
  const tables = checked.tables;
  const { verdict, town } = await actions.judgeCountyPackage(arriving, tables);
  return {
    fileName: opened.name,
    arriving,
    publicKey: checked.manifest.publicKey,
    counts: checked.manifest.counts,
    tables,
    verdict,
    town,
  };
}

/** The comparison of the towns for a month as .xlsx, in the order shown, asked where to keep. */
export async function saveComparisonSheet(
  county: string,
  month: string,
  rows: readonly TownMonth[],
): Promise<SaveFileResult> {
  const title = `${county}各乡镇生态环境工作情况对比（${periodLabel(month)}）`;
  const data = await writeCountySheet(
    '各乡镇对比',
    {
      titleRows: [[title]],
      columns: COMPARISON_COLUMNS.map((c) => ({ field: c, header: comparisonSheetHeader(c) })),
    },
    comparisonSheetRows(rows),
  );
  return platform.saveFile({
    suggestedName: `${title}.xlsx`,
    data,
    filters: [{ name: 'Excel 表格', extensions: ['xlsx'] }],
  });
}
