import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, plainSheet } from './plainSheet';

async function readBack(data: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data.slice().buffer);
  return workbook.worksheets[0]!;
}

describe('a plain sheet', () => {
  it('reads back in a spreadsheet program: text as text, numbers as numbers, the header bold and frozen', async () => {
    const sheet = await readBack(
      plainSheet('问题整改台账', [
        ['编号', '村', '得分'],
        ['2026-镇督-0001', '张家村', 98.5],
        ['2026-镇督-0002', 'A&B <二组> "东"', 0],
      ]),
    );
    expect(sheet.name).toBe('问题整改台账');
    expect(sheet.getRow(1).values).toEqual([undefined, '编号', '村', '得分']);
    expect(sheet.getCell('A2').value).toBe('2026-镇督-0001');
    expect(sheet.getCell('C2').value).toBe(98.5);
    expect(sheet.getCell('B3').value).toBe('A&B <二组> "东"');
    expect(sheet.getCell('C3').value).toBe(0);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // "2026-镇督-0001" is 12 characters → 2 + 2 × 12 = 26; "98.5" → 10.
    expect(sheet.getColumn(1).width).toBe(26);
    expect(sheet.getColumn(3).width).toBe(10);
  });

  it('drops characters a spreadsheet cannot hold and keeps line breaks and leading spaces', async () => {
    const sheet = await readBack(plainSheet('x', [['a'], ['  第一行\n第二行\u0007\u0000']]));
    expect(sheet.getCell('A2').value).toBe('  第一行\n第二行');
  });

  it('keeps columns past Z in place, stores repeated text once, and cuts a sheet name Excel would refuse', async () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    const row = Array.from({ length: 28 }, (_, i) => (i % 2 ? `第${i}列` : i));
    const data = plainSheet('a/b:c'.repeat(10), [row, row, ['张家村'], ['张家村']]);
    const sheet = await readBack(data);
    expect(sheet.getCell('AA2').value).toBe(26);
    expect(sheet.getCell('AB2').value).toBe('第27列');
    expect(sheet.getCell('A4').value).toBe('张家村');
    expect(sheet.name).toBe('a b c'.repeat(10).slice(0, 31));
    const strings = new TextDecoder().decode(unzipSync(data)['xl/sharedStrings.xml']);
    expect(strings.match(/张家村/g)).toHaveLength(1);
  });

  it('is the same bytes for the same rows', () => {
    expect(plainSheet('s', [['a', 1]])).toEqual(plainSheet('s', [['a', 1]]));
  });
});
