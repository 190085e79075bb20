import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readFirstSheetCells, readFirstSheetRows, writeCountySheet } from './xlsx';

describe('writeCountySheet', () => {
  it('writes the county’s title rows and headers, numbers as numbers, dates as dates', async () => {
    const data = await writeCountySheet(
      '考核结果表',
      {
        titleRows: [['绿水县考评结果汇总表'], ['填报单位：青山镇', '', '', '填报日期：']],
        columns: [
          { field: 'village', header: '村（社区）' },
          { field: 'score', header: '考核得分' },
          { field: 'publishedOn', header: '公布日期' },
          { field: '', header: '县级备注' },
        ],
      },
      [
        ['东村', 95.5, { date: '2026-10-28' }, null],
        ['西村', 88, null, null],
      ],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data.slice().buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('考核结果表');
    expect(sheet.getCell('A1').value).toBe('绿水县考评结果汇总表');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('D2').value).toBe('填报日期：');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '村（社区）',
      '考核得分',
      '公布日期',
      '县级备注',
    ]);
    expect(sheet.getCell('B4').value).toBe(95.5);
    expect(sheet.getCell('B5').type).toBe(ExcelJS.ValueType.Number);
    const date = sheet.getCell('C4').value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe('2026-10-28');
    expect(sheet.getCell('C4').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C5').value).toBeNull();
    expect(sheet.rowCount).toBe(5);
  });
});

describe('reading a spreadsheet with a limit on what it inflates to', () => {
  it('reads an ordinary sheet, written by Excel’s own library', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRows([['村名'], ['东村'], ['西村']]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readFirstSheetRows(data)).toEqual([['村名'], ['东村'], ['西村']]);
  });

  it('refuses a zip bomb named .xlsx before the reader inflates it', async () => {
    // 80 MiB of zeros deflate to about 80 KB: past the 64 MB limit once inflated.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(80 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readFirstSheetCells(bomb)).rejects.toThrow(
      '这个表格解压后超过 64 MB，不像是正常的清单，没有读取。',
    );
    await expect(readFirstSheetRows(bomb)).rejects.toThrow('解压后超过 64 MB');
  });
});
