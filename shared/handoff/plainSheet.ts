import { strToU8, zipSync } from 'fflate';

/**
 * A one-sheet .xlsx of plain rows — text and numbers, the header row bold and frozen, columns
 * sized to their content — for the readable copies inside a package and the 五十条标准 template.
 * Written here rather than with exceljs (which the app uses to read sheets and for the county's
 * own, with dates and title rows) because exceljs took about 2 s for a 20,000-item ledger where
 * these few lines of SpreadsheetML take a tenth of that, in a packing worker (see
 * docs/architecture.md, hand-off).
 */
export function plainSheet(sheetName: string, rows: readonly (readonly (string | number)[])[]) {
  // Loops, not Math.max(...rows): a spread of a very long sheet would overflow the stack.
  const longest: number[] = [];
  for (const row of rows)
    row.forEach((value, c) => {
      longest[c] = Math.max(longest[c] ?? 0, String(value).length);
    });
  const widths = longest.map((n) => Math.min(60, Math.max(8, 2 + 2 * n)));
  // Repeated text (sources, villages, statuses, dates) is stored once, as spreadsheet programs do.
  const strings = new Map<string, number>();
  const body = rows
    .map((row, r) => {
      const style = r === 0 ? ' s="1"' : '';
      const cells = row
        .map((value, c) => {
          // Cell references are optional for Excel but not for every reader: always written.
          const ref = `${COLUMNS[c] ?? columnName(c)}${r + 1}`;
          if (typeof value === 'number' && Number.isFinite(value))
            return `<c r="${ref}"${style}><v>${value}</v></c>`;
          const key = String(value);
          let index = strings.get(key);
          if (index === undefined) strings.set(key, (index = strings.size));
          return `<c r="${ref}"${style} t="s"><v>${index}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const sheet =
    `${XML}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0">` +
    (rows.length > 1
      ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
      : '') +
    '</sheetView></sheetViews><cols>' +
    widths
      .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
      .join('') +
    `</cols><sheetData>${body}</sheetData></worksheet>`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '</Types>',
    '_rels/.rels': rels([['officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml':
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      `<sheet name="${text(sheetTitle(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels([
      ['worksheet', 'worksheets/sheet1.xml'],
      ['styles', 'styles.xml'],
      ['sharedStrings', 'sharedStrings.xml'],
    ]),
    'xl/sharedStrings.xml':
      `${XML}<sst xmlns="${MAIN}" uniqueCount="${strings.size}">` +
      [...strings.keys()]
        .map((t) =>
          /^\s|\s$|\n/.test(t)
            ? `<si><t xml:space="preserve">${text(t)}</t></si>`
            : `<si><t>${text(t)}</t></si>`,
        )
        .join('') +
      '</sst>',
    'xl/styles.xml':
      `${XML}<styleSheet xmlns="${MAIN}">` +
      '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '</styleSheet>',
    'xl/worksheets/sheet1.xml': sheet,
  };
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])),
    { level: 1, mtime: new Date('2020-01-01T00:00:00Z') },
  );
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const rels = (targets: [type: string, target: string][]) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  targets
    .map(
      ([type, target], i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`,
    )
    .join('') +
  '</Relationships>';

/** A (0) … Z (25), AA (26) … */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
const COLUMNS = Array.from({ length: 52 }, (_, c) => columnName(c));

/** Escaped for XML; characters XML 1.0 cannot hold (control characters) are dropped. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetTitle = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
