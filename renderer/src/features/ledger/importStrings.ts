import { cellText, type Cell } from '@shared/domain/countyImport';

export const IMPORT = {
  title: (file: string) => `导入上级反馈清单：${file}`,
  signedBy: (county: string, fingerprint: string) =>
    `这份清单由${county}签名，签名指纹 ${fingerprint} 与本机登记的一致，内容未被改动。`,
  signedFile: (county: string, fingerprint: string) => `${county}签名，指纹 ${fingerprint}`,
  signer: {
    title: (county: string) => `核对${county}的签名指纹`,
    text: (county: string) =>
      `这是本机第一次导入${county}签名的清单。请与县里打印在清单页上或电话告知的签名指纹逐组核对，一致才能登记。登记后，别的电脑签的清单会被拒绝。`,
    compared: '我已与县里核对，签名指纹完全一致',
    register: '登记并继续导入',
    registered: (county: string) => `已登记${county}的签名指纹。`,
  },
  /** A list signed by another key than the county's registered one; the county's new PC. */
  rekey: {
    refusedTitle: '清单没有导入：签名指纹不符',
    refused: (file: string, county: string) =>
      `《${file}》的签名指纹与本机登记的${county}签名指纹不同：这份清单不是本机登记的县里那台电脑签的，没有导入。`,
    refusedHelp: (county: string) =>
      `如果${county}确实换了电脑（或在新电脑上恢复了备份），请先打电话与县里核对新电脑的签名指纹，再更换县级密钥。否则不要导入这份清单，并告知县里。`,
    arriving: '这份清单的指纹',
    registered: '本机登记的指纹',
    offer: '县里换了电脑，更换县级密钥…',
    close: '关闭',
    title: (county: string) => `更换${county}的签名密钥`,
    text: (county: string) =>
      `只有${county}确实换了电脑（或在新电脑上恢复了备份）时才更换。请打电话给县里，请对方读出新电脑上清单页显示的签名指纹，与下面的新指纹逐组核对。更换后，县里旧电脑签的清单会被拒绝。`,
    old: '本机登记的指纹（旧）',
    new: '这份清单的指纹（新）',
    reason: '更换原因',
    reasonHelp: '例如：县里旧电脑硬盘损坏，2026 年 12 月换了新电脑',
    compared: '我已与县里电话核对，新的签名指纹完全一致',
    submit: '更换密钥并继续导入',
    done: (county: string) => `已更换${county}的签名密钥。`,
    retired: (file: string, county: string, old: string, at: string, by: string, current: string) =>
      `《${file}》是${county}换电脑前的旧电脑签的（签名指纹 ${old}，${at} 由${by}在本机更换为新密钥），没有导入。本机现在登记的${county}签名指纹是 ${current}，请向县里要新电脑导出的清单。`,
  },
  level: '督查层级',
  batch: '本清单的批次或文号',
  batchHelp:
    '表格里没有批次列时填写，例如“县环委办〔2026〕3号”；是否重复只看上级问题编号或问题内容，与这里填什么无关',
  defaultCategory: '没有类别时归为',
  headerRow: '表头在第几行',
  rowLabel: (n: number, row: readonly Cell[]) =>
    `第 ${n} 行：${row.map(cellText).filter(Boolean).join('、').slice(0, 16) || '（空）'}`,
  mapping: '表格的列对应台账的哪一项（带 * 的必须有；下次导入同一层级的清单会记住）',
  noColumn: '（表格里没有）',
  checking: '正在核对……',
  blocked: '。请改好表格里有问题的行后重新导入：为保证台账准确，要么全部导入，要么一条也不导入。',
  nothingNew: '。这份清单里没有新的问题，不需要导入。',
  ready: '。确认无误后点“导入”。',
  tabs: {
    fresh: (n: number) => `新增（${n}）`,
    present: (n: number) => `已导入过（${n}）`,
    rejected: (n: number) => `有问题（${n}）`,
    skipped: (n: number) => `跳过的行（${n}）`,
  },
  noneSkipped: '没有跳过的行。',
  cols: {
    row: '行',
    column: '列',
    reason: '问题',
    skipReason: '为什么跳过',
    countyNumber: '上级编号',
    village: '村',
    description: '问题描述',
    foundOn: '交办日期',
    deadline: '整改时限',
    person: '责任人',
  },
  rowNumber: (n: number) => `第 ${n} 行`,
  nonePresent: '没有已经导入过的行。',
  presentRows: (rows: number[]) =>
    `这些行以前已经导入过，这次不会重复导入：第 ${rows.slice(0, 50).join('、')} 行${rows.length > 50 ? ' 等' : ''}。`,
  commit: (n: number) => (n > 0 ? `导入 ${n} 条` : '导入'),
  done: (n: number) => `已导入 ${n} 条上级反馈问题。`,
};
