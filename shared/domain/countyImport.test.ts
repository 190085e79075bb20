import { describe, expect, it } from 'vitest';
import {
  applyRemembered,
  checkSheet,
  columnLetter,
  findHeaderRow,
  guessMapping,
  parseCellDate,
  planImport,
  planSummary,
  externalKey,
  rememberMapping,
  type Cell,
  type ImportOptions,
} from './countyImport';

// A county list as offices receive it: a title row, the header, rows, a blank row at the end.
const sheet: Cell[][] = [
  ['绿水县2026年第3批生态环境问题反馈清单', null, null, null, null, null, null],
  ['序号', '所属村', '问题类别', '反馈问题', '交办日期', '整改时限', '责任人'],
  [1, '张家村', '人居环境', '村口垃圾堆放', new Date(Date.UTC(2026, 2, 5)), '2026-03-20', '张三'],
  [2, '李家', null, '河道漂浮物', '2026/3/5', '2026年3月25日', null],
  [3, '王家村', '河湖四乱', '河边违建', 46086, '2026-03-30', '王五'],
  [null, null, null, null, null, null, null],
];
const options: ImportOptions = {
  level: 'county',
  batch: '第3批',
  defaultCategory: '其他',
  villages: [
    { id: 'v1', name: '张家村', secretary: '张书记' },
    { id: 'v2', name: '李家村', secretary: '李书记' },
  ],
};

describe('reading the county sheet', () => {
  it('finds the header below the title row and maps its columns', () => {
    expect(findHeaderRow(sheet)).toBe(1);
    const mapping = guessMapping(sheet[1]!.map(String));
    // 序号 is the row's place in this list, not the county's number for the item.
    expect(mapping).toMatchObject({
      externalNo: null,
      village: 1,
      category: 2,
      description: 3,
      foundOn: 4,
      deadline: 5,
      responsiblePerson: 6,
      batch: null,
      place: null,
    });
  });

  it('names columns as Excel does: A, Z, AA, AB', () => {
    expect([0, 25, 26, 27].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB']);
  });

  it('reads dates from Excel dates, serial numbers and the usual texts; refuses impossible ones', () => {
    expect(parseCellDate(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    // Serial 46086: days after 1899-12-30 → 2026-03-05.
    expect(parseCellDate(46086)).toBe('2026-03-05');
    expect(parseCellDate('2026/3/5')).toBe('2026-03-05');
    expect(parseCellDate('2026.03.05')).toBe('2026-03-05');
    expect(parseCellDate('2026年3月5日')).toBe('2026-03-05');
    expect(parseCellDate('2026-02-30')).toBeNull();
    expect(parseCellDate('三月五日')).toBeNull();
    expect(parseCellDate(null)).toBeNull();
  });

  it('remembers a mapping by header text, so a moved column is still found', () => {
    const headers = ['问题编号', '问题', '日期A', '日期B'];
    const mapping = { ...guessMapping(headers), foundOn: 2, deadline: 3 };
    const remembered = rememberMapping(mapping, headers);
    expect(remembered).toMatchObject({ foundOn: '日期A', deadline: '日期B' });
    const moved = applyRemembered(['日期B', '编号', '日期A', '问题'], remembered);
    expect(moved).toMatchObject({ deadline: 0, externalNo: 1, foundOn: 2, description: 3 });
  });
});

describe('the dry run', () => {
  const mapping = guessMapping(sheet[1]!.map(String));

  it('sorts rows into new, already imported and rejected, naming row and column', () => {
    // No 问题编号 column: an item is known by its village, text and date handed down.
    const known = 'county|张家村|村口垃圾堆放|2026-03-05';
    const plan = planImport(sheet, 1, mapping, options, new Set([known]));
    expect(plan.present).toEqual([{ row: 3, key: known }]);
    // Row 4: "李家" is 李家村 without 村; no category → the default; no person → the secretary.
    expect(plan.fresh).toHaveLength(1);
    expect(plan.fresh[0]).toMatchObject({
      row: 4,
      key: 'county|李家村|河道漂浮物|2026-03-05',
      form: {
        source: 'upper',
        upperLevel: 'county',
        batch: '第3批',
        villageId: 'v2',
        category: '其他',
        foundOn: '2026-03-05',
        deadline: '2026-03-25',
        responsiblePerson: '李书记',
      },
    });
    expect(plan.rejected).toEqual([
      {
        row: 5,
        column: 'B 列“所属村”',
        message: '本镇没有叫“王家村”的村，请先在“设置 · 村”里核对村名。',
      },
    ]);
    // The blank row at the end is the sheet's end, not a skipped row.
    expect(plan.skipped).toEqual([]);
    expect(planSummary(plan)).toBe('新增 1 条，已导入过 1 条，有问题 1 条');
  });

  it('imported again, every row is already there and nothing is new', () => {
    const first = planImport(sheet.slice(0, 5), 1, mapping, options, new Set());
    expect(first.fresh.map((r) => r.row)).toEqual([3, 4]);
    const second = planImport(
      sheet.slice(0, 5),
      1,
      mapping,
      options,
      new Set(first.fresh.map((r) => r.key)),
    );
    expect(second.fresh).toEqual([]);
    expect(second.present.map((r) => r.row)).toEqual([3, 4]);
  });

  it('rejects impossible dates, a deadline before the finding, empty text and duplicate rows', () => {
    const bad: Cell[][] = [
      sheet[1]!,
      [1, '张家村', null, '甲', '2026-02-30', '2026-03-20', '张三'],
      [2, '张家村', null, '乙', '2026-03-10', '2026-03-01', '张三'],
      [3, '张家村', null, '', '2026-03-10', '2026-03-20', '张三'],
      [4, '张家村', null, '丙', '2026-03-10', '2026-03-20', '张三'],
      [4, '张家村', null, '丙', '2026-03-10', '2026-03-20', '张三'],
    ];
    const plan = planImport(bad, 0, mapping, options, new Set());
    expect(plan.rejected).toEqual([
      {
        row: 2,
        column: 'E 列“交办日期”',
        message: '“2026-02-30”不是有效的日期（例如 2026-03-05）。',
      },
      { row: 3, column: 'F 列“整改时限”', message: '整改时限不能早于发现日期。' },
      { row: 4, column: 'D 列“反馈问题”', message: '问题描述是空的。' },
      { row: 6, column: '', message: '与第 5 行是同一个问题（编号或内容相同）。' },
    ]);
    expect(plan.fresh.map((r) => r.row)).toEqual([5]);
  });

  it('stops on an empty sheet or missing required columns before looking at rows', () => {
    expect(checkSheet([], 0, mapping)).toBe('这个表格里没有问题数据（表头下面是空的）。');
    expect(checkSheet(sheet.slice(0, 2), 1, mapping)).toBe(
      '这个表格里没有问题数据（表头下面是空的）。',
    );
    expect(checkSheet(sheet, 1, { ...mapping, deadline: null, foundOn: null })).toBe(
      '缺少必需的列：“交办日期”、“整改时限”。请在上面选好对应的列。',
    );
    expect(checkSheet(sheet, 1, mapping)).toBeNull();
  });
});

describe('the county’s list as the county sends it', () => {
  // A merged title (ExcelJS gives every merged cell the title's text), a line of who and when,
  // the header, items with Excel dates, 2026.3.16 and 2026年4月30日, village names with stray
  // spaces and full-width letters, a blank row between items, a 合计 row and a note under it.
  const title = '绿水县生态环境问题整改清单（第三批）';
  const delivered: Cell[][] = [
    [title, title, title, title, title, title, title, title],
    ['填报单位：绿水县环委办', null, null, null, null, '日期：2026年3月16日', null, null],
    ['序号', '问题编号', '所在村', '问题描述', '整改要求', '交办日期', '整改时限', '责任人'],
    [
      1,
      'LS-2026-031',
      '第 三 村',
      '村道两侧垃圾堆放',
      '立即清运，建立保洁制度',
      new Date(Date.UTC(2026, 2, 16)),
      '2026.4.15',
      '赵六',
    ],
    [2, 'LS-2026-032', '张家村', '河道内有漂浮物', '3日内清理', '2026.3.16', '2026年4月30日', null],
    [null, null, null, null, null, null, null, null],
    [3, 'LS-2026-033', 'ＡＢ组团', '露天焚烧秸秆', '加强巡查', 46097, 46142, '钱七'],
    ['合计', '合计', '合计', '共 3 个问题', null, null, null, null],
    [
      '注：请于每月25日前报送整改进展。',
      '注：请于每月25日前报送整改进展。',
      null,
      null,
      null,
      null,
      null,
      null,
    ],
  ];
  const villages: ImportOptions = {
    ...options,
    batch: '',
    villages: [
      { id: 'v1', name: '张家村', secretary: '张书记' },
      { id: 'v3', name: '第三村', secretary: '孙书记' },
      { id: 'v4', name: 'AB组团', secretary: '周书记' },
    ],
  };

  it('imports every item; the total, the note and the blank row are skipped, not errors', () => {
    const header = findHeaderRow(delivered);
    expect(header).toBe(2);
    const mapping = guessMapping(delivered[header]!.map(String));
    expect(mapping).toMatchObject({ externalNo: 1, requirement: 4 });
    expect(checkSheet(delivered, header, mapping)).toBeNull();
    const plan = planImport(delivered, header, mapping, villages, new Set());
    expect(plan.rejected).toEqual([]);
    expect(plan.skipped).toEqual([
      { row: 6, reason: '空行' },
      { row: 8, reason: '合计行' },
      { row: 9, reason: '表格下方的说明' },
    ]);
    expect(
      plan.fresh.map((r) => [
        r.row,
        r.form.countyNumber,
        r.form.villageId,
        r.form.foundOn,
        r.form.deadline,
        r.form.requirement,
      ]),
    ).toEqual([
      [4, 'LS-2026-031', 'v3', '2026-03-16', '2026-04-15', '立即清运，建立保洁制度'],
      [5, 'LS-2026-032', 'v1', '2026-03-16', '2026-04-30', '3日内清理'],
      // Serial 46097 = 2026-03-16, 46142 = 2026-04-30.
      [7, 'LS-2026-033', 'v4', '2026-03-16', '2026-04-30', '加强巡查'],
    ]);
    expect(plan.fresh[1]?.form.responsiblePerson).toBe('张书记');
    expect(plan.fresh.map((r) => r.key)).toEqual([
      'county|编号|LS-2026-031',
      'county|编号|LS-2026-032',
      'county|编号|LS-2026-033',
    ]);
    expect(planSummary(plan)).toBe(
      '新增 3 条，已导入过 0 条，有问题 0 条，跳过 3 行（合计、说明或空行）',
    );
  });

  it('imported again with the batch typed differently, every item is already there', () => {
    const mapping = guessMapping(delivered[2]!.map(String));
    const first = planImport(delivered, 2, mapping, villages, new Set());
    const again = planImport(
      delivered,
      2,
      mapping,
      { ...villages, batch: '县环委办〔2026〕3号' },
      new Set(first.fresh.map((r) => r.key)),
    );
    expect(again.fresh).toEqual([]);
    expect(again.present.map((r) => r.row)).toEqual([4, 5, 7]);
  });

  it('an item the county numbered and already imported stays 已导入过 even if its row has a fault now', () => {
    const mapping = guessMapping(delivered[2]!.map(String));
    const first = planImport(delivered, 2, mapping, villages, new Set());
    // Row 4 again, its village now misspelt and its deadline emptied; row 5 as it was.
    const changed = delivered.map((r, i) =>
      i === 3 ? r.map((c, j) => (j === 2 ? '张家材' : j === 6 ? '' : c)) : r,
    );
    const again = planImport(changed, 2, mapping, villages, new Set(first.fresh.map((r) => r.key)));
    expect(again.rejected).toEqual([]);
    expect(again.present.map((r) => r.row)).toEqual([4, 5, 7]);
  });

  it('a village one character off is refused with the village it probably means', () => {
    const typo = delivered
      .slice(0, 4)
      .concat([[9, 'LS-2026-039', '张家材', '垃圾', null, '2026.3.16', '2026.4.1', '张三']]);
    const plan = planImport(typo, 2, guessMapping(delivered[2]!.map(String)), villages, new Set());
    expect(plan.rejected).toEqual([
      {
        row: 5,
        column: 'C 列“所在村”',
        message: '本镇没有叫“张家材”的村，是不是“张家村”？请改正表格后再导入。',
      },
    ]);
  });

  it('a bare running number in the 编号 column is no county number: the content decides', () => {
    expect(externalKey('county', '3', '张家村', '河道漂浮物。', '2026-03-05')).toBe(
      'county|张家村|河道漂浮物|2026-03-05',
    );
    expect(externalKey('county', 'ＬＳ－031', '张家村', '河道漂浮物', '2026-03-05')).toBe(
      'county|编号|LS-031',
    );
  });
});
