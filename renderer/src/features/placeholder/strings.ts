/** What each section will hold, as the office will read it before the feature lands. */
export const COMING_SOON = {
  patrols: {
    title: '巡河巡林',
    intro: '河长制、林长制的巡查记录和履职情况。',
    items: [
      '河流、河段及河长；巡河记录（“四乱”问题一键转入整改台账）',
      '山头地块、护林员（公益护林员、生态护林员）及巡林记录',
      '巡查频次要求与履职情况：谁落后、落后多少',
      '防火期和高风险时段提醒',
    ],
  },
  records: {
    title: '工作记录',
    intro: '理论学习、宣传活动和专项行动的记录，年终总结的数字都从这里来。',
    items: [
      '镇党委会议、理论学习中心组、镇村干部职工例会的学习记录',
      '抖音、微信公众号、法治大讲堂、道德大讲堂等宣传活动；村规民约',
      '“勇做减法”十项消除、百日集中攻坚、农村改厕、绿化管护',
    ],
  },
} as const;

export type Section = keyof typeof COMING_SOON;
