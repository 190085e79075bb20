import { parseStandardRows, standardToRows } from '@shared/domain/standardImport';
import type { StandardVersion } from '@shared/domain/standard';
import type { ValidationIssue } from '@shared/domain/validation';
import { plainSheet } from '@shared/handoff/plainSheet';
import { isZip, readFirstSheetRows } from '../../lib/xlsx';
import { platform } from '../../platform';

const FILTERS = [{ name: 'Excel 表格', extensions: ['xlsx'] }];

/** Export the standard to .xlsx, and read one back (every bad row named). */
export const standardFiles = {
  async export(standard: StandardVersion) {
    const data = plainSheet('五十条标准', standardToRows(standard));
    return platform.saveFile({
      suggestedName: `环境整治考核标准-第${standard.version}版.xlsx`,
      data,
      filters: FILTERS,
    });
  },
  async pick(
    bonusCap: number,
  ): Promise<
    | { name: string; standard: Pick<StandardVersion, 'categories' | 'items' | 'bonusCap'> }
    | { name: string; issues: ValidationIssue[] }
    | null
  > {
    const opened = await platform.openFile({ filters: FILTERS, maxBytes: 5 * 1024 * 1024 });
    if (opened.status === 'canceled') return null;
    if (opened.status === 'failed')
      return { name: '', issues: [{ field: 'file', message: opened.message }] };
    const refuse = (message: string) => ({
      name: opened.name,
      issues: [{ field: 'file', message }],
    });
    if (!opened.name.toLowerCase().endsWith('.xlsx') || !isZip(opened.data)) {
      return refuse(`文件“${opened.name}”不是有效的 Excel（.xlsx）文件。`);
    }
    let rows: string[][];
    try {
      rows = await readFirstSheetRows(opened.data);
    } catch (error) {
      console.error('[eco-desk] standard xlsx', error);
      return refuse(`文件“${opened.name}”无法读取，可能已损坏。`);
    }
    const parsed = parseStandardRows(rows, bonusCap);
    return parsed.standard
      ? { name: opened.name, standard: parsed.standard }
      : { name: opened.name, issues: parsed.issues };
  },
};
