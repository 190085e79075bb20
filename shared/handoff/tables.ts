/** The tables of the town's data by the names people read, in the order people read them. */
export const TABLE_LABELS: Record<string, string> = {
  town: '乡镇',
  villages: '村',
  people: '人员',
  ruleDocuments: '制度文件',
  standards: '考核标准',
  periods: '考核月份',
  deductions: '扣分记录',
  villageChecks: '村考核情况',
  results: '红黄榜',
  dueActions: '后续事项',
  problems: '整改问题',
  audit: '操作记录',
  settings: '设置',
  attachments: '照片和文件',
  handoffs: '交换记录',
  briefings: '通报',
  rivers: '河流河段',
  riverPatrols: '巡河记录',
  forestPlots: '山头地块',
  forestPatrols: '巡林记录',
  workRecords: '工作记录',
  summaries: '年度总结',
  accounts: '账号',
  countyTowns: '登记的乡镇',
  countyPackages: '接收的数据包',
  countyRecords: '乡镇报来的数据',
  countyFeedback: '督查反馈清单',
};

/** Tables in the order people read them (the labels' order); unknown ones last, by name. */
export function inTableOrder(tables: readonly string[]): string[] {
  const order = Object.keys(TABLE_LABELS);
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  return [...tables].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A table's name for people; never its identifier. */
export const tableLabel = (table: string) => TABLE_LABELS[table] ?? '其他数据';
