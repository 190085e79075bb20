import { isValidIsoDate } from './dates';
import { validateProblemForm, type ProblemForm, type UpperLevel } from './problem';
import { charLength, cleanText } from './validation';

/**
 * Importing an upper-level feedback list (上级督查反馈清单) from the county's spreadsheet: find the
 * header row, map its columns to the ledger's fields (guessed from the headers, remembered per
 * level), then a dry run that sorts every row into new / already present / rejected, so that the
 * commit can be all or nothing and a second import of the same file adds nothing.
 */

/** A cell as read from the sheet: text, a number, a date (Excel dates), or empty. */
export type Cell = string | number | Date | null;

export const IMPORT_FIELDS = [
  'externalNo',
  'batch',
  'requirement',
  'village',
  'category',
  'place',
  'description',
  'foundOn',
  'deadline',
  'responsiblePerson',
  'responsibleLeader',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  externalNo: '上级问题编号',
  batch: '批次或文号',
  requirement: '整改要求',
  village: '所在村',
  category: '问题类别',
  place: '地点',
  description: '问题描述',
  foundOn: '交办日期',
  deadline: '整改时限',
  responsiblePerson: '整改责任人',
  responsibleLeader: '责任领导',
};

export const REQUIRED_FIELDS: readonly ImportField[] = ['description', 'foundOn', 'deadline'];

/** Header words the county's lists use for each field, most specific first. */
const SYNONYMS: Record<ImportField, string[]> = {
  // Not 序号: that is the row's place in this list, the same 1, 2, 3 … in every list.
  externalNo: ['问题编号', '交办编号', '反馈编号', '编号'],
  batch: ['批次', '文号', '交办批次'],
  requirement: ['整改要求', '整改意见', '整改标准', '工作要求'],
  village: ['所在村', '所属村', '村（社区）', '村(社区)', '村名', '村'],
  category: ['问题类别', '问题类型', '类别', '类型'],
  place: ['具体位置', '地点', '位置'],
  description: ['问题描述', '问题内容', '反馈问题', '存在问题', '问题'],
  foundOn: ['交办日期', '交办时间', '发现日期', '发现时间', '反馈日期', '督查日期'],
  deadline: ['整改时限', '整改期限', '完成时限', '办结时限'],
  responsiblePerson: ['整改责任人', '责任人'],
  responsibleLeader: ['责任领导', '分管领导', '包村领导'],
};

/** Column index per field (0-based), or null when the file has no such column. */
export type ColumnMapping = Record<ImportField, number | null>;

export const cellText = (cell: Cell | undefined): string =>
  cell === null || cell === undefined
    ? ''
    : cell instanceof Date
      ? cell.toISOString().slice(0, 10)
      : cleanText(String(cell));

/**
 * A name or text as compared across the county's sheets and ours: full-width letters and digits
 * as half-width (ＡＢ１ → AB1), every space gone (“第 三 村” → “第三村”).
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Excel column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function matchHeader(header: string, words: readonly string[]): number {
  const h = header.replace(/\s/g, '');
  if (h === '') return -1;
  const i = words.findIndex((word) => h === word);
  if (i >= 0) return i;
  const j = words.findIndex((word) => word.length >= 2 && h.includes(word));
  return j >= 0 ? 100 + j : -1;
}

/**
 * Matches header texts to fields by the words each field goes by: each field takes the column
 * whose header matches it best (exact words before contained ones); a column serves one field.
 */
export function matchColumns<F extends string>(
  headers: readonly string[],
  synonyms: Record<F, readonly string[]>,
): Record<F, number | null> {
  const fields = Object.keys(synonyms) as F[];
  const mapping = Object.fromEntries(fields.map((f) => [f, null])) as Record<F, number | null>;
  const candidates: { field: F; column: number; rank: number }[] = [];
  for (const field of fields)
    headers.forEach((header, column) => {
      const rank = matchHeader(header, synonyms[field]);
      if (rank >= 0) candidates.push({ field, column, rank });
    });
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || used.has(c.column)) continue;
    mapping[c.field] = c.column;
    used.add(c.column);
  }
  return mapping;
}

/** Guesses the import mapping from the header texts of a county list. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  return matchColumns(headers, SYNONYMS);
}

/** The header row: the first of the first 10 rows where at least 3 fields are recognised. */
export function findHeaderRow(rows: readonly (readonly Cell[])[]): number {
  for (let r = 0; r < Math.min(rows.length, 10); r += 1) {
    const mapping = guessMapping((rows[r] ?? []).map(cellText));
    if (Object.values(mapping).filter((c) => c !== null).length >= 3) return r;
  }
  return 0;
}

/** A mapping remembered by header text, so that it survives the county moving a column. */
export type RememberedMapping = Partial<Record<ImportField, string>>;

export function rememberMapping(mapping: ColumnMapping, headers: readonly string[]) {
  const remembered: RememberedMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== null && headers[column]) remembered[field] = headers[column];
  }
  return remembered;
}

/** The guessed mapping, with each remembered header applied where the file still has it. */
export function applyRemembered(
  headers: readonly string[],
  remembered: RememberedMapping | undefined,
): ColumnMapping {
  const mapping = guessMapping(headers);
  if (!remembered) return mapping;
  for (const field of IMPORT_FIELDS) {
    const header = remembered[field];
    const column = header === undefined ? -1 : headers.indexOf(header);
    if (column < 0) continue;
    for (const other of IMPORT_FIELDS) if (mapping[other] === column) mapping[other] = null;
    mapping[field] = column;
  }
  return mapping;
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A date cell as `YYYY-MM-DD`, or null: Excel dates, Excel serial numbers (1900 system), and the
 * texts 2026-03-05, 2026/3/5, 2026.3.5 and 2026年3月5日. Impossible dates (2026-02-30) are null.
 */
export function parseCellDate(cell: Cell | undefined): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    const iso = cell.toISOString().slice(0, 10);
    return isValidIsoDate(iso) ? iso : null;
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 80_000) return null;
    const iso = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
    return isValidIsoDate(iso) ? iso : null;
  }
  const match = DATE_TEXT.exec(cellText(cell));
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

export interface ImportVillage {
  id: string;
  name: string;
  secretary: string;
}

export interface ImportOptions {
  level: UpperLevel;
  /** The batch or document number for rows without a batch column. */
  batch: string;
  /** The category for rows without one. */
  defaultCategory: string;
  villages: readonly ImportVillage[];
}

export interface ImportedRow {
  /** The row's number in the spreadsheet (1 = the first row), for messages. */
  row: number;
  key: string;
  form: ProblemForm;
}

export interface RejectedRow {
  row: number;
  /** The column letter and header ("C 列“整改时限”"), or '' for the whole row. */
  column: string;
  message: string;
}

export interface ImportPlan {
  fresh: ImportedRow[];
  present: { row: number; key: string }[];
  rejected: RejectedRow[];
  /** Rows that are not items (totals, notes, a repeated header, blank rows between items). */
  skipped: { row: number; reason: string }[];
}

/**
 * Whether a number in the 问题编号 column is the county's own number for the item: not a bare
 * running index (1, 2, 3 …, which every list restarts), which cannot tell two lists' items apart.
 */
export function isCountyNumber(no: string): boolean {
  const n = normalizeText(no);
  return n !== '' && !/^\d{1,3}$/.test(n);
}

/**
 * What identifies a county item across imports: the county's own number when the list has one,
 * else its village, its text and the date it was handed down. Never the batch typed in the
 * import dialog, so the same list imported again finds every item, however the batch was typed.
 */
export function externalKey(
  level: UpperLevel,
  countyNo: string,
  village: string,
  description: string,
  foundOn: string,
): string {
  return isCountyNumber(countyNo)
    ? `${level}|编号|${normalizeText(countyNo)}`
    : `${level}|${normalizeText(village)}|${normalizeText(description).replace(/[。．.]+$/, '')}|${foundOn}`;
}

/** Why a row below the header is not an item: a total, a note, the header repeated, blank. */
export function skippedRowReason(cells: readonly Cell[]): string | null {
  const texts = cells.map((c) => normalizeText(cellText(c))).filter((t) => t !== '');
  if (texts.length === 0) return '空行';
  if (texts.some((t) => /^(合计|小计|总计|共计|累计)/.test(t))) return '合计行';
  // A note under the table: one text (often merged across the row), or a label and its value.
  if (
    new Set(texts).size <= 2 &&
    /^(注|备注|说明|附注|附件|填表|制表|审核|联系人|联系电话|报送|签字|盖章|单位|日期)/.test(
      texts[0]!,
    )
  )
    return '表格下方的说明';
  const mapping = guessMapping(cells.map(cellText));
  if (Object.values(mapping).filter((c) => c !== null).length >= 3) return '重复的表头';
  return null;
}

/** Edit distance of two short names (for "did you mean"). */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[y.length]!;
}

/** The town's villages, found by name as the county writes it (spaces and widths aside). */
export function villageFinder(villages: readonly ImportVillage[]) {
  const byName = new Map<string, ImportVillage>();
  for (const v of villages) {
    const name = normalizeText(v.name);
    byName.set(name, v);
    if (name.endsWith('村') && name.length > 2) byName.set(name.slice(0, -1), v);
  }
  return {
    find: (name: string) => byName.get(normalizeText(name)),
    /**
     * The village a name that matches none probably means: one contains the other (三村 / 第三村,
     * 李家村委会 / 李家村), or a slip of one character (two in a long name) that keeps the first,
     * the part that tells villages apart (张家材 → 张家村, but 王家村 is not 张家村).
     */
    guess: (name: string): ImportVillage | undefined => {
      const n = normalizeText(name);
      let best: { v: ImportVillage; d: number } | undefined;
      for (const v of villages) {
        const m = normalizeText(v.name);
        const shorter = Math.min([...n].length, [...m].length);
        const d =
          shorter >= 2 && (m.includes(n) || n.includes(m))
            ? 0
            : [...n][0] === [...m][0]
              ? distance(n, m)
              : Infinity;
        if (d <= ([...m].length >= 5 ? 2 : 1) && (!best || d < best.d)) best = { v, d };
      }
      return best?.v;
    },
  };
}

/** Whole-file problems: found before looking at rows; the import stops with this message. */
export function checkSheet(
  rows: readonly (readonly Cell[])[],
  headerRow: number,
  mapping: ColumnMapping,
): string | null {
  const dataRows = rows.slice(headerRow + 1).filter((r) => r.some((c) => cellText(c) !== ''));
  if (rows.length === 0 || dataRows.length === 0)
    return '这个表格里没有问题数据（表头下面是空的）。';
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === null).map(
    (f) => `“${IMPORT_FIELD_LABELS[f]}”`,
  );
  if (missing.length > 0) return `缺少必需的列：${missing.join('、')}。请在上面选好对应的列。`;
  return null;
}

/**
 * The dry run: every data row below the header becomes new, already present (its key is in
 * `existingKeys`, from an earlier import), or rejected with the row, column and reason. Blank rows
 * are skipped. Two rows of the file with the same key are both kept out: the second is rejected.
 */
export function planImport(
  rows: readonly (readonly Cell[])[],
  headerRow: number,
  mapping: ColumnMapping,
  options: ImportOptions,
  existingKeys: ReadonlySet<string>,
): ImportPlan {
  const plan: ImportPlan = { fresh: [], present: [], rejected: [], skipped: [] };
  const headers = (rows[headerRow] ?? []).map(cellText);
  const where = (field: ImportField) => {
    const column = mapping[field];
    return column === null ? '' : `${columnLetter(column)} 列“${headers[column] ?? ''}”`;
  };
  const villages = villageFinder(options.villages);
  // Blank rows after the last filled one are the sheet's end, not skipped rows.
  let last = rows.length - 1;
  while (last > headerRow && !rows[last]!.some((c) => cellText(c) !== '')) last -= 1;
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    if (index <= headerRow || index > last) return;
    const row = index + 1;
    const skip = skippedRowReason(cells);
    if (skip) return plan.skipped.push({ row, reason: skip });
    const get = (field: ImportField): Cell | undefined => {
      const column = mapping[field];
      return column === null ? undefined : cells[column];
    };
    const text = (field: ImportField) => cellText(get(field));
    const reject = (field: ImportField | '', message: string) =>
      plan.rejected.push({ row, column: field ? where(field) : '', message });

    // An item the county numbered and this PC already has is already present, whatever else the
    // row says now (a village renamed since, a cell emptied): nothing of it is imported again.
    const numbered = text('externalNo');
    if (isCountyNumber(numbered)) {
      const key = externalKey(options.level, numbered, '', '', '');
      if (existingKeys.has(key)) {
        if (seen.has(key))
          return reject('', `与第 ${seen.get(key)} 行是同一个问题（编号或内容相同）。`);
        seen.set(key, row);
        return plan.present.push({ row, key });
      }
    }

    const description = text('description');
    if (description === '') return reject('description', '问题描述是空的。');
    const foundOn = parseCellDate(get('foundOn'));
    if (!foundOn)
      return reject('foundOn', `“${text('foundOn')}”不是有效的日期（例如 2026-03-05）。`);
    const deadline = parseCellDate(get('deadline'));
    if (!deadline)
      return reject('deadline', `“${text('deadline')}”不是有效的日期（例如 2026-03-20）。`);
    const villageName = text('village');
    const village = villageName ? villages.find(villageName) : undefined;
    if (villageName && !village) {
      const guess = villages.guess(villageName);
      return reject(
        'village',
        guess
          ? `本镇没有叫“${villageName}”的村，是不是“${guess.name}”？请改正表格后再导入。`
          : `本镇没有叫“${villageName}”的村，请先在“设置 · 村”里核对村名。`,
      );
    }
    const person = text('responsiblePerson') || village?.secretary || '';
    if (person === '')
      return reject(
        'responsiblePerson',
        mapping.responsiblePerson === null
          ? '没有整改责任人（表格里没有这一列，这个村也没有登记支部书记）。'
          : '整改责任人是空的。',
      );
    const category = text('category') || options.defaultCategory;
    if (charLength(category) > 20) return reject('category', '问题类别最多 20 个字。');
    const batch = text('batch') || cleanText(options.batch);
    const countyNumber = text('externalNo');
    const form: ProblemForm = {
      source: 'upper',
      upperLevel: options.level,
      batch,
      countyNumber: isCountyNumber(countyNumber) ? countyNumber : undefined,
      requirement: text('requirement') || undefined,
      category,
      villageId: village?.id,
      place: text('place'),
      description,
      foundOn,
      deadline,
      responsiblePerson: person,
      responsibleLeader: text('responsibleLeader'),
    };
    const issue = validateProblemForm(form)[0];
    if (issue) {
      const field = (IMPORT_FIELDS as readonly string[]).includes(issue.field)
        ? (issue.field as ImportField)
        : issue.field === 'countyNumber'
          ? 'externalNo'
          : '';
      return reject(field, issue.message);
    }
    const key = externalKey(options.level, countyNumber, village?.name ?? '', description, foundOn);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      return reject('', `与第 ${earlier} 行是同一个问题（编号或内容相同）。`);
    seen.set(key, row);
    if (existingKeys.has(key)) plan.present.push({ row, key });
    else plan.fresh.push({ row, key, form });
  });
  return plan;
}

/** One line for the preview: 新增 12 条，已导入过 3 条，有问题 1 条，跳过 2 行. */
export function planSummary(plan: ImportPlan): string {
  return `新增 ${plan.fresh.length} 条，已导入过 ${plan.present.length} 条，有问题 ${plan.rejected.length} 条${plan.skipped.length > 0 ? `，跳过 ${plan.skipped.length} 行（合计、说明或空行）` : ''}`;
}
