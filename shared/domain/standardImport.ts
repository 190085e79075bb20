import {
  validateStandard,
  type StandardCategory,
  type StandardItem,
  type StandardVersion,
} from './standard';
import { cleanText, type ValidationIssue } from './validation';

/** The columns of the standard's spreadsheet, in order; the header row names them. */
export const STANDARD_COLUMNS = [
  '编号',
  '类别',
  '类别分值',
  '内容',
  '每处扣分',
  '单位',
  '扣分上限',
  '一票扣完',
  '严重问题',
] as const;

const YES = ['是', 'Y', 'y', 'yes', '√', '1', 'TRUE', 'true'];
const NO = ['', '否', 'N', 'n', 'no', '0', 'FALSE', 'false'];

function yesNo(value: string, row: number, column: string, issues: ValidationIssue[]): boolean {
  if (YES.includes(value)) return true;
  if (NO.includes(value)) return false;
  issues.push({
    field: column,
    row,
    message: `第 ${row} 行“${column}”应填“是”或“否”，现在是“${value}”。`,
  });
  return false;
}

function number(value: string, row: number, column: string, issues: ValidationIssue[]): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) {
    issues.push({
      field: column,
      row,
      message: `第 ${row} 行“${column}”应是数字，现在是“${value}”。`,
    });
    return 0;
  }
  return n;
}

/**
 * Reads the standard from spreadsheet rows (the first row is the header). Every bad row is
 * reported with its row number; the standard is usable only when there are no issues.
 */
export function parseStandardRows(
  rows: readonly (readonly string[])[],
  bonusCap: number,
): {
  standard: Pick<StandardVersion, 'categories' | 'items' | 'bonusCap'> | null;
  issues: ValidationIssue[];
} {
  const issues: ValidationIssue[] = [];
  const header = (rows[0] ?? []).map((h) => cleanText(h));
  const index = new Map(STANDARD_COLUMNS.map((name) => [name, header.indexOf(name)]));
  const missing = STANDARD_COLUMNS.filter((name) => (index.get(name) ?? -1) < 0);
  if (missing.length > 0) {
    return {
      standard: null,
      issues: [{ field: 'header', row: 1, message: `第 1 行缺少列：${missing.join('、')}。` }],
    };
  }
  const categories: StandardCategory[] = [];
  const items: StandardItem[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (name: (typeof STANDARD_COLUMNS)[number]) =>
      cleanText(cells[index.get(name)!] ?? '');
    if (STANDARD_COLUMNS.every((name) => cell(name) === '')) return; // a blank row
    const category = cell('类别');
    if (category === '')
      issues.push({ field: '类别', row, message: `第 ${row} 行“类别”不能为空。` });
    const points = number(cell('类别分值'), row, '类别分值', issues);
    const known = categories.find((c) => c.name === category);
    if (!known && category !== '') categories.push({ name: category, points });
    else if (known && known.points !== points) {
      issues.push({
        field: '类别分值',
        row,
        message: `第 ${row} 行“${category}”的类别分值是 ${points}，与前面的 ${known.points} 不一致。`,
      });
    }
    const zeroes = yesNo(cell('一票扣完'), row, '一票扣完', issues);
    items.push({
      code: cell('编号').toUpperCase(),
      category,
      title: cell('内容'),
      perInstance: zeroes ? 0 : number(cell('每处扣分'), row, '每处扣分', issues),
      unit: cell('单位') || '处',
      cap: zeroes ? 0 : number(cell('扣分上限'), row, '扣分上限', issues),
      zeroesCategory: zeroes,
      serious: yesNo(cell('严重问题'), row, '严重问题', issues) || zeroes,
    });
  });
  if (items.length === 0) issues.push({ field: 'rows', message: '表格里没有任何标准条目。' });
  const standard = { categories, items, bonusCap };
  if (issues.length === 0) issues.push(...validateStandard(standard));
  return { standard: issues.length === 0 ? standard : null, issues };
}

/** The standard as spreadsheet rows (header first), for export and round-trip editing. */
export function standardToRows(
  standard: Pick<StandardVersion, 'categories' | 'items'>,
): string[][] {
  const points = new Map(standard.categories.map((c) => [c.name, c.points]));
  return [
    [...STANDARD_COLUMNS],
    ...standard.items.map((item) => [
      item.code,
      item.category,
      String(points.get(item.category) ?? ''),
      item.title,
      item.zeroesCategory ? '' : String(item.perInstance),
      item.unit,
      item.zeroesCategory ? '' : String(item.cap),
      item.zeroesCategory ? '是' : '否',
      item.serious ? '是' : '否',
    ]),
  ];
}
