import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { decodeText, readVillageListFile } from './villageListFile';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function xlsx(rows: (string | number | null)[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('村名单');
  rows.forEach((value, i) => {
    sheet.getCell(i + 1, 1).value = value;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readVillageListFile', () => {
  it('reads a CSV, skips the header 村名 and numbers the first village row 2', async () => {
    const result = await readVillageListFile({
      name: '名单.csv',
      data: utf8('村名,书记\n张家村,李明\n李家村,\n\n'),
    });
    expect(result).toEqual({ ok: true, names: ['张家村', '李家村'], firstRow: 2 });
  });

  it('reads a GBK CSV saved by Excel', async () => {
    // “张家村” in GBK: D5C5 BCD2 B4E5
    const gbk = new Uint8Array([0xd5, 0xc5, 0xbc, 0xd2, 0xb4, 0xe5, 0x0d, 0x0a]);
    const result = await readVillageListFile({ name: 'list.csv', data: gbk });
    expect(result).toEqual({ ok: true, names: ['张家村'], firstRow: 1 });
  });

  it('reads column A of the first sheet of an .xlsx, keeping blank rows for reporting', async () => {
    const data = await xlsx(['张家村', null, '王家村']);
    const result = await readVillageListFile({ name: '名单.xlsx', data });
    expect(result).toEqual({ ok: true, names: ['张家村', '', '王家村'], firstRow: 1 });
  });

  it('refuses a corrupt .xlsx, an old .xls and an unknown type with the file name', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const corrupt = await readVillageListFile({
      name: '坏.xlsx',
      data: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]),
    });
    expect(corrupt).toEqual({
      ok: false,
      issue: {
        field: 'file',
        message: '文件“坏.xlsx”无法读取：不是有效的 Excel（.xlsx）文件，可能已损坏。',
      },
    });
    const renamed = await readVillageListFile({ name: 'x.xlsx', data: utf8('hello') });
    expect(renamed.ok).toBe(false);
    const xls = await readVillageListFile({ name: 'x.xls', data: utf8('x') });
    expect(!xls.ok && xls.issue.message).toContain('另存为');
    const exe = await readVillageListFile({ name: 'x.exe', data: utf8('MZ') });
    expect(!exe.ok && exe.issue.message).toContain('类型不支持');
  });

  it('refuses a file with no names', async () => {
    const result = await readVillageListFile({ name: 'empty.csv', data: utf8('村名\n\n') });
    expect(result.ok).toBe(false);
  });
});

describe('decodeText', () => {
  it('strips the UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });
});
