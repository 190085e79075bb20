import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeCountySheet } from './xlsx';

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
