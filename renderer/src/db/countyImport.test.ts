import Dexie from 'dexie';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findHeaderRow,
  guessMapping,
  planImport,
  rememberMapping,
  cellText,
  type ImportOptions,
} from '@shared/domain/countyImport';
import { readFirstSheetCells } from '../lib/xlsx';
import { listAudit } from './repositories/auditRepo';
import {
  findExternalKeys,
  getImportMapping,
  importCountyList,
  loadLedgerStats,
} from './repositories/problemRepo';
import { completeSetup } from './repositories/townRepo';
import { listVillages } from './repositories/villageRepo';
import { EcoDeskDb } from './schema';

let db: EcoDeskDb;
let counter = 0;
beforeEach(async () => {
  counter += 1;
  db = new EcoDeskDb(`county-${counter}`);
  await completeSetup(db, {
    town: { name: '青山镇', county: '绿水县' },
    operator: '张环保',
    villageNames: ['张家村', '李家村'],
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A county list written by Excel's library: a title row, then the header, dates as dates. */
async function countyWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('反馈清单');
  sheet.addRow(['绿水县第3批生态环境问题反馈清单']);
  sheet.addRow(['序号', '所属村', '反馈问题', '交办日期', '整改时限', '责任人']);
  sheet.addRow([
    1,
    '张家村',
    '村口垃圾堆放',
    new Date(Date.UTC(2026, 2, 5)),
    new Date(Date.UTC(2026, 2, 20)),
    '张三',
  ]);
  sheet.addRow([2, '李家村', '河道漂浮物', new Date(Date.UTC(2026, 2, 5)), '2026/3/25', '李四']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function dryRun(data: Uint8Array) {
  const rows = await readFirstSheetCells(data);
  const header = findHeaderRow(rows);
  const headers = rows[header]!.map(cellText);
  const mapping = guessMapping(headers);
  const villages = (await listVillages(db)).map((v) => ({ id: v.id, name: v.name, secretary: '' }));
  const options: ImportOptions = {
    level: 'county',
    batch: '第3批',
    defaultCategory: '其他',
    villages,
  };
  const probe = planImport(rows, header, mapping, options, new Set());
  const existing = await findExternalKeys(
    db,
    probe.fresh.map((r) => r.key),
  );
  return {
    plan: planImport(rows, header, mapping, options, existing),
    remembered: rememberMapping(mapping, headers),
  };
}

describe('importing a county feedback list', () => {
  it('reads dates from the .xlsx, imports once, and a second import adds nothing', async () => {
    const file = await countyWorkbook();
    const first = await dryRun(file);
    expect(first.plan.rejected).toEqual([]);
    expect(first.plan.fresh.map((r) => [r.row, r.form.foundOn, r.form.deadline])).toEqual([
      [3, '2026-03-05', '2026-03-20'],
      [4, '2026-03-05', '2026-03-25'],
    ]);
    const created = await importCountyList(db, first.plan.fresh, {
      level: 'county',
      mapping: first.remembered,
      fileName: '第3批.xlsx',
    });
    expect(created.map((p) => p.number)).toEqual(['2026-上督-0001', '2026-上督-0002']);
    expect(created[0]).toMatchObject({ source: 'upper', upperLevel: 'county', batch: '第3批' });
    expect(await getImportMapping(db, 'county')).toMatchObject({ description: '反馈问题' });
    const log = await listAudit(db, { table: 'problems' });
    expect(log.map((e) => e.reason)).toContain('导入上级反馈清单《第3批.xlsx》第 3 行');
    expect((await loadLedgerStats(db, '2026-03-10')).bySource.upper.open).toBe(2);

    const second = await dryRun(file);
    expect(second.plan.fresh).toEqual([]);
    expect(second.plan.present.map((r) => r.row)).toEqual([3, 4]);
    expect(await db.problems.count()).toBe(2);
  });

  it('writes nothing when a row was imported in the meantime (all or nothing)', async () => {
    const { plan, remembered } = await dryRun(await countyWorkbook());
    await importCountyList(db, plan.fresh.slice(0, 1), {
      level: 'county',
      mapping: remembered,
      fileName: 'a.xlsx',
    });
    await expect(
      importCountyList(db, plan.fresh, {
        level: 'county',
        mapping: remembered,
        fileName: 'a.xlsx',
      }),
    ).rejects.toThrow('有 1 条刚刚已经导入过了');
    expect(await db.problems.count()).toBe(1);
    expect((await db.ledgerTally.toArray()).reduce((s, r) => s + r.total, 0)).toBe(1);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    await expect(readFirstSheetCells(new TextEncoder().encode('not a zip'))).rejects.toThrow();
  });
});
