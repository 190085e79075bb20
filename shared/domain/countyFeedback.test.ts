import { describe, expect, it } from 'vitest';
import {
  checkIssuable,
  FEEDBACK_SHEET_HEADERS,
  feedbackFileName,
  feedbackNumber,
  feedbackSheet,
  nextFeedbackSequence,
  pressable,
  pressItem,
  validateFeedbackItem,
  type FeedbackList,
} from './countyFeedback';
import { applyRemembered, cellText, findHeaderRow, planImport, type Cell } from './countyImport';
import type { Problem } from './problem';

const item = {
  category: '垃圾治理',
  place: '村口',
  description: '河岸堆放生活垃圾',
  requirement: '清理并建立保洁制度',
  responsible: '张书记',
  villageName: '张家村',
  deadline: '2026-12-31',
};

const list = (items: FeedbackList['items']): FeedbackList => ({
  id: 'l1',
  townId: 't1',
  townName: '青山镇',
  batch: '江北县环督〔2026〕12号',
  issuedOn: '2026-12-01',
  items,
  status: 'draft',
  createdAt: '2026-12-01T01:00:00.000Z',
  createdBy: '孙科长',
});

describe('the county’s numbers', () => {
  it('pads the sequence and names the county', () => {
    expect(feedbackNumber('江北县', 2026, 7)).toBe('江北县督-2026-007');
    expect(feedbackNumber('江北县', 2027, 1234)).toBe('江北县督-2027-1234');
  });

  it('continues after the highest number of the year, not the count', () => {
    // 001 and 005 given in 2026 (002–004 in a deleted draft): the next is 006; 2025's 009 and
    // another county's 012 do not count.
    const given = [
      '江北县督-2026-001',
      '江北县督-2026-005',
      '江北县督-2025-009',
      '南河县督-2026-012',
    ];
    expect(nextFeedbackSequence('江北县', 2026, given)).toBe(6);
    expect(nextFeedbackSequence('江北县', 2027, given)).toBe(1);
  });
});

describe('checking a list', () => {
  it('names each fault of an item', () => {
    expect(validateFeedbackItem({ ...item, description: '  ' }, '2026-12-01')[0]?.message).toBe(
      '请填写问题描述。',
    );
    expect(
      validateFeedbackItem({ ...item, deadline: '2026-02-30' }, '2026-12-01')[0]?.message,
    ).toBe('整改时限不是有效日期。');
    expect(
      validateFeedbackItem({ ...item, deadline: '2026-11-30' }, '2026-12-01')[0]?.message,
    ).toBe('整改时限不能早于交办日期。');
    expect(
      validateFeedbackItem({ ...item, place: '地'.repeat(101) }, '2026-12-01')[0]?.message,
    ).toBe('具体位置最多 100 个字。');
    expect(
      validateFeedbackItem({ ...item, villageName: '', responsible: '' }, '2026-12-01')[0]?.message,
    ).toBe('请填写整改责任人（不属于某个村的问题，如镇分管领导）。');
    expect(validateFeedbackItem({ ...item, responsible: ' ' }, '2026-12-01')[0]?.message).toBe(
      '请填写整改责任人（如村支部书记）。',
    );
    expect(validateFeedbackItem(item, '2026-12-01')).toEqual([]);
  });

  it('issues only a list with a batch and right items', () => {
    expect(checkIssuable(list([]))).toBe('清单里还没有问题。');
    expect(checkIssuable({ ...list([]), batch: ' ' })).toBe('请填写批次或文号。');
    const bad = { id: 'i2', number: '江北县督-2026-002', ...item, deadline: '' };
    const good = { id: 'i1', number: '江北县督-2026-001', ...item };
    expect(checkIssuable(list([good, bad]))).toBe(
      '第 2 个问题（江北县督-2026-002）：整改时限不是有效日期。',
    );
    expect(checkIssuable(list([good]))).toBeNull();
  });
});

const problem = (over: Partial<Problem>): Problem =>
  ({
    id: 'p1',
    number: '2026-镇督-0001',
    source: 'town',
    category: '水环境',
    place: '大桥下',
    description: '排污口未封堵',
    foundOn: '2026-10-01',
    deadline: '2026-11-01',
    status: 'inProgress',
    responsiblePerson: '李四',
    ...over,
  }) as Problem;

describe('督办 of overdue items', () => {
  it('offers open items past their deadline, longest overdue first, not pressed before', () => {
    const today = '2026-12-01';
    const items = [
      problem({ id: 'a', number: '2026-镇督-0003', deadline: '2026-11-20' }),
      problem({ id: 'b', number: '2026-镇督-0002', deadline: '2026-10-15' }),
      problem({ id: 'c', deadline: '2026-12-01' }), // due today: not overdue
      problem({ id: 'd', deadline: '2026-10-01', status: 'closed' }),
      problem({ id: 'e', deadline: '2026-10-01', deletedAt: '2026-11-01T00:00:00.000Z' }),
      problem({ id: 'f', deadline: '2026-09-01' }),
    ];
    expect(pressable(items, today, new Set(['f'])).map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('says which item, how late, and gives 15 days', () => {
    // 2026-11-01 to 2026-12-01 is 30 days; 15 days after 12-01 is 12-16.
    const pressed = pressItem(problem({}), '张家村', '2026-12-01', {
      id: 'x',
      number: '江北县督-2026-003',
    });
    expect(pressed).toMatchObject({
      number: '江北县督-2026-003',
      villageName: '张家村',
      category: '水环境',
      place: '大桥下',
      description: '【督办】贵镇 2026-镇督-0001：排污口未封堵',
      requirement: '已超过整改时限（2026-11-01）30 天，请抓紧整改并报送整改情况。',
      deadline: '2026-12-16',
      responsible: '李四',
      presses: { problemId: 'p1', number: '2026-镇督-0001' },
    });
  });
});

describe('the sheet the town imports', () => {
  const items = [
    { id: 'i1', number: '江北县督-2026-001', ...item },
    {
      id: 'i2',
      number: '江北县督-2026-002',
      ...item,
      villageName: '',
      responsible: '王副镇长',
      description: '镇区黑臭水体',
    },
  ];
  const sheet = feedbackSheet('江北县', list(items));
  // As the spreadsheet reads back: title rows, the header, items, the total and the note.
  const cells: Cell[][] = [
    ...sheet.titleRows,
    [...FEEDBACK_SHEET_HEADERS],
    ...sheet.rows.map((r) =>
      r.map((v) => (v !== null && typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v)),
    ),
  ];

  it('is found and read by the town’s import, once', () => {
    const header = findHeaderRow(cells);
    expect(header).toBe(2);
    const mapping = applyRemembered(cells[header]!.map(cellText), undefined);
    const villages = [{ id: 'v1', name: '张家村', secretary: '张书记' }];
    const options = { level: 'county' as const, batch: '', defaultCategory: '其他', villages };
    const plan = planImport(cells, header, mapping, options, new Set());
    expect(plan.rejected).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['合计行', '表格下方的说明']);
    expect(plan.fresh.map((r) => r.form.countyNumber)).toEqual([
      '江北县督-2026-001',
      '江北县督-2026-002',
    ]);
    expect(plan.fresh[0]!.form).toMatchObject({
      batch: '江北县环督〔2026〕12号',
      villageId: 'v1',
      responsiblePerson: '张书记',
      foundOn: '2026-12-01',
      deadline: '2026-12-31',
    });
    expect(plan.fresh[1]!.form).toMatchObject({
      villageId: undefined,
      responsiblePerson: '王副镇长',
    });
    // Imported again with its keys present, nothing is new.
    const again = planImport(
      cells,
      header,
      mapping,
      options,
      new Set(plan.fresh.map((r) => r.key)),
    );
    expect(again.fresh).toEqual([]);
    expect(again.present).toHaveLength(2);
  });

  it('is named for the town and the batch, without characters a file name cannot hold', () => {
    expect(feedbackFileName({ ...list([]), batch: '江北县环督/2026:12' }, 'xlsx')).toBe(
      '督查反馈清单-青山镇-江北县环督-2026-12.xlsx',
    );
  });
});
