import { RECORD_DEFS } from '../domain/workRecords';

/**
 * Every field of a stored record by the name people read, per table where the name depends on
 * it (a person's 职务 is a document's 文件名称): the history, an import's comparison and an
 * import's refusals name fields by these, never by their identifiers.
 */
const FIELDS: Record<string, string> = {
  id: '内部编号',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  updatedBy: '修改人',
  rev: '修改次数',
  at: '时间',
  by: '操作人',
  size: '大小',
  month: '月份',
  name: '名称',
  secretary: '支部书记',
  contact: '联系方式',
  leaderId: '包村领导',
  groups: '组/社',
  order: '序号',
  phone: '电话',
  villageId: '所在村',
  roles: '身份',
  groupPosition: '领导小组职务',
  county: '所属县',
  campaigns: '专项活动',
  issuedOn: '印发日期',
  fileName: '文件名',
  deletedAt: '删除',
  count: '处数',
  points: '扣分',
  note: '情况说明',
  place: '地点',
  status: '状态',
  closedAt: '关闭时间',
  closedBy: '关闭人',
  skipped: '未检查',
  bonus: '加分',
  bonusReason: '加分理由',
  rows: '名单',
  doneAt: '完成时间',
  doneNote: '完成情况',
  inspectors: '检查人员',
  inspectedOn: '检查日期',
  photos: '现场照片',
  title: '标题',
  date: '日期',
  itemCode: '标准条目',
  problemId: '对应整改问题',
  periodId: '考核月份',
  findings: '发现问题',
  weather: '天气',
  route: '路线',
  startTime: '开始时间',
  endTime: '结束时间',
  focus: '下期工作重点',
  text: '内容',
  version: '版本',
  effectiveFrom: '启用月份',
  items: '条目',
  categories: '类别',
  periodKey: '考核月份',
  standardId: '考核标准',
  average: '全镇平均分',
  publishedAt: '发布时间',
  values: '登记内容',
  kind: '类别',
  cadence: '评比周期',
  riverId: '河流',
  segmentId: '河段',
  plotId: '山头地块',
  chiefId: '河长',
  rangerId: '护林员',
  cadreId: '包片干部',
  segments: '河段',
  unscored: '未参加排名的村',
  flagsAwarded: '评定红黄旗',
  reason: '原因',
  dueDate: '完成期限',
  amountYuan: '金额（元）',
};

/** A voided patrol reads 作废, as a voided item does. */
const PATROL_FIELDS = { voided: '作废', deletedAt: '作废' };

const FIELDS_BY_TABLE: Record<string, Record<string, string>> = {
  people: { title: '职务' },
  riverPatrols: {
    ...PATROL_FIELDS,
    routeFrom: '起点',
    routeTo: '终点',
    checked: '巡查内容',
    action: '处理情况',
  },
  forestPatrols: { ...PATROL_FIELDS, note: '情况说明' },
  periods: { id: '月份', status: '状态' },
  results: { id: '评比期' },
  dueActions: { kind: '事项', title: '内容' },
  workRecords: { kind: '记录类别' },
  ruleDocuments: { title: '文件名称', kind: '文件类型', mime: '文件格式', attachmentId: '文件' },
  standards: { bonusCap: '加分上限' },
  briefings: { issuedAt: '印发时间', issuedBy: '印发人', content: '通报内容' },
  forestPlots: { group: '组/社' },
  summaries: { id: '年份', edited: '各段内容' },
  settings: { key: '设置项', value: '设置值' },
  attachments: { type: '文件类型' },
  audit: {
    actor: '操作人',
    table: '数据',
    recordId: '记录',
    action: '操作',
    label: '摘要',
    before: '修改前',
    after: '修改后',
    group: '步骤',
    chain: '所在电脑',
    seq: '序号',
    prev: '上一条的校验值',
    hash: '校验值',
    privateDigest: '保密内容的校验值',
    privateSalt: '保密内容的校验随机数',
  },
  handoffs: {
    direction: '方向',
    place: '位置或文件',
    sha256: '文件校验值',
    period: '时间范围',
    counts: '记录条数',
    fingerprint: '签名指纹',
  },
  accounts: {
    name: '姓名',
    roles: '角色',
    rights: '权限',
    disabled: '停用',
    mustChangePassword: '下次登录须改密码',
    password: '密码（校验值）',
    recovery: '恢复码（校验值）',
    createdBy: '建立人',
  },
  problems: {
    number: '编号',
    source: '问题来源',
    upperLevel: '上级层级',
    batch: '批次或文号',
    channel: '反映渠道',
    complainant: '反映人',
    category: '问题类别',
    description: '问题描述',
    foundOn: '发现日期',
    deadline: '整改时限',
    originalDeadline: '原定时限',
    extensions: '延期记录',
    responsiblePerson: '整改责任人',
    responsibleLeader: '责任领导',
    measures: '整改措施',
    progress: '进展情况',
    beforePhotos: '整改前照片',
    afterPhotos: '整改后照片',
    verification: '验收记录',
    unfixable: '无法整改说明',
    supervised: '督办',
    exposed: '曝光',
    accountability: '问责记录',
    reports: '向上级报送',
    deductionId: '来自考核扣分',
    patrol: '来自巡查发现',
    externalKey: '上级清单中的标识',
    countyNumber: '上级问题编号',
    requirement: '整改要求',
    voided: '作废',
    deletedAt: '作废',
  },
};

export function fieldLabel(table: string, field: string): string {
  return FIELDS_BY_TABLE[table]?.[field] ?? FIELDS[field] ?? '其他内容';
}

const REASON = { reason: '原因', at: '时间', by: '操作人' };
const PHOTO = { attachmentId: '照片文件', thumbnailId: '缩略图', name: '文件名', size: '大小' };

/** The parts of a field holding a list or a group (延期记录's 延至), by the field's name. */
const PARTS: Record<string, Record<string, string>> = {
  extensions: { from: '原时限', to: '延至', ...REASON },
  measures: { id: '内部编号', text: '内容', done: '已完成' },
  progress: { text: '内容', at: '时间', by: '操作人' },
  beforePhotos: PHOTO,
  afterPhotos: PHOTO,
  photos: PHOTO,
  verification: { verifier: '验收人', date: '验收日期', opinion: '验收意见' },
  unfixable: { reason: '原因', approver: '批准人' },
  accountability: { kind: '方式', person: '对象', note: '说明', at: '时间', by: '操作人' },
  patrol: { table: '巡查类别', id: '巡查记录', findingId: '发现问题' },
  voided: REASON,
  withdrawn: REASON,
  rows: {
    villageId: '村',
    name: '村名',
    score: '得分',
    rank: '名次',
    rankFromBottom: '倒数名次',
    tied: '并列',
    seriousCount: '严重问题数',
    flag: '红黄旗',
    flagReason: '评旗理由',
    withdrawn: '摘旗',
  },
  unscored: { villageId: '村', name: '村名' },
  segments: {
    id: '内部编号',
    name: '河段名称',
    level: '级别',
    chiefId: '河长',
    villageId: '所在村',
  },
  findings: { id: '内部编号', kind: '类型', note: '情况', problemId: '对应整改问题' },
  categories: { name: '类别名称', points: '分值' },
  items: {
    code: '编号',
    category: '类别',
    title: '内容',
    perInstance: '每处扣分',
    cap: '扣分上限',
    unit: '单位',
    zeroesCategory: '一票扣完',
    serious: '严重问题',
  },
  period: { from: '起', to: '止' },
};

/** A part of a field by its name, or null when it has none for people (a briefing's inside). */
export function partLabel(field: string, part: string): string | null {
  return PARTS[field]?.[part] ?? null;
}

/** A work record's own value by its kind's name for it (会议类型, 参加人数). */
export function recordValueLabel(kind: unknown, key: string): string | null {
  const def = typeof kind === 'string' ? RECORD_DEFS[kind as keyof typeof RECORD_DEFS] : undefined;
  return def?.fields.find((f) => f.key === key)?.label ?? null;
}

/** Whether a field has a name of its own for people (else fieldLabel says 其他内容). */
export function hasFieldLabel(table: string, field: string): boolean {
  return FIELDS_BY_TABLE[table]?.[field] !== undefined || FIELDS[field] !== undefined;
}
