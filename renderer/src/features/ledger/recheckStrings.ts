/** Every word of 回头看 · 反弹 · 长期坚持 on the ledger's screens, in one place. */
export const RECHECK = {
  section: '回头看',
  intro: (days: string) => `销号后按规则回头看（${days}），看问题是否巩固、有没有反弹。`,
  longTermIntro: (duty: string, interval: number) =>
    `已完成·长期坚持：${duty}，每 ${interval} 天检查一次，直到结束这项工作。`,
  longTermEnded: (on: string, reason: string, by: string) =>
    `长期坚持已于 ${on} 结束（${by}）：${reason}`,
  schedule: '应回头看',
  due: '应查日期',
  which: '次别',
  state: '情况',
  states: {
    done: (on: string, onTime: boolean) => `${onTime ? '已按时' : '已补做'}（${on}）`,
    overdue: (days: number) => `! 逾期 ${days} 天未做`,
    dueSoon: '临近',
    upcoming: '未到',
  },
  noSchedule: '没有要回头看的日期。',
  later: (n: number, interval: number | undefined) =>
    interval ? `此后一年内还有 ${n} 次，每 ${interval} 天一次。` : `此后还有 ${n} 次。`,
  visits: '回头看记录',
  noVisits: '还没有回头看记录。',
  visitLine: (date: string, checker: string, result: string) => `${date} · ${checker} · ${result}`,
  record: '记录回头看',
  dialogTitle: (number: string) => `记录回头看：${number}`,
  checker: '回头看的人',
  date: '回头看日期',
  result: '结果',
  note: '看到的情况',
  noteRebound: '看到的情况（将作为新问题的描述）',
  reboundHint:
    '选“反弹”会另开一个新问题（同一村、类别和地点，整改时限 15 天），原问题仍是已销号，并标记为反弹。',
  addPhoto: '添加照片',
  photos: (names: string[]) => (names.length === 0 ? '未添加照片' : `照片：${names.join('、')}`),
  saved: '已记录回头看：巩固。',
  savedRebound: (number: string) => `已记录回头看：反弹，另开新问题 ${number}。`,
  // 反弹 links
  reboundChip: '反弹',
  reboundTo: (date: string) => `${date} 回头看发现问题反弹，已另开新问题：`,
  reboundOfChip: '反弹问题',
  reboundOf: '这个问题是已销号问题的反弹：',
  // 长期坚持
  longTermChip: '已完成·长期坚持',
  closeLongTerm: '销号·长期坚持',
  closeLongTermTitle: '验收销号：已完成·长期坚持',
  closeLongTermHint:
    '适用于整改后要长期坚持的工作（长效管护机制、季节性禁令等）：销号后按检查间隔反复回头看，直到办公室结束这项工作。',
  duty: '长期坚持的工作',
  dutyPlaceholder: '例如：每周保洁一次，垃圾日产日清',
  interval: '检查间隔（天）',
  endDuty: '结束长期坚持',
  endTitle: '结束长期坚持',
  endOn: '结束日期',
  endReason: '结束的原因',
  endDone: '已结束长期坚持。',
  // 上级回头看日期
  countyDates: '上级回头看日期',
  countyDatesHelp: '县里（上级）自己的回头看日期，多个用逗号或空格隔开；这些日期也要回头看。',
  countyDatesSave: '保存日期',
  countyDatesSaved: '已保存上级回头看日期。',
  // 新增问题 offering a rebound
  offerTitle: '可能是反弹',
  offer: (months: number) =>
    `近 ${months} 个月内，这个村同一类别、同一地点有已销号的问题。如果是同一个问题又出现了，请勾选，新问题会与它关联并计入反弹。`,
  offerItem: (number: string, closedOn: string, description: string) =>
    `${number}（${closedOn} 销号）${description}`,
  offerNone: '不是反弹',
  // 按村按类统计
  recurrenceNote: '“反弹 n”：其中 n 条是已销号问题回头看或新录入时认定的反弹。',
  recurrenceCell: (rebounds: number) => (rebounds > 0 ? ` 反弹 ${rebounds}` : ''),
} as const;
