import type { Role } from './accounts';
import type { Deduction, VillageCheck } from './assessment';
import { lastDayOfMonth, monthKey, parseMonthKey } from './period';
import type { StandardItem } from './standard';

/**
 * Synthetic, realistic-looking data for training, demonstrations and the benchmark. Always
 * labelled 示例数据 on screen. Deterministic: the same seed gives the same data.
 */
export const DEMO_VILLAGE_NAMES = [
  '青山村',
  '柳湾村',
  '石桥村',
  '杨家坪村',
  '大河村',
  '小河村',
  '李家沟村',
  '王家庄村',
  '东岭村',
  '西岭村',
  '南坪村',
  '北山村',
  '红岩村',
  '白水村',
  '黄土梁村',
  '马家湾村',
  '张家坝村',
  '陈家河村',
  '赵家岭村',
  '新庄村',
  '老庄村',
  '上坪村',
  '下坪村',
  '中寨村',
  '梨园村',
  '桃花村',
  '松林村',
];

/**
 * The seed of #/demo when none is given: the draw every demo had before seeds could be chosen.
 * Any whole number from 0 to 2³² − 1 gives a demo of its own (the bench's county gives town n
 * the seed n, so that its towns differ).
 */
export const DEMO_SEED = 20231231;
export const DEMO_SEED_MAX = 2 ** 32 - 1;

/**
 * The demo's seeded streams, all from one seed: the records' (assessments, ledger, patrols, work
 * records, in that order) and the photo plan's, kept apart so that photos or none leave the
 * records as they are. The photos' is 8,870 after the records' so that the default seed draws
 * the photos it always drew (20240101).
 */
export function demoSeeds(seed: number = DEMO_SEED): { records: number; photos: number } {
  return { records: seed >>> 0, photos: (seed + 8870) >>> 0 };
}

/**
 * A seed as a person writes it (in the address, #/demo?seed=7): a whole number from 0 to
 * 2³² − 1, or nothing for the default; anything else is refused in words.
 */
export function parseDemoSeed(
  text: string | null | undefined,
): { ok: true; seed: number | undefined } | { ok: false; message: string } {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { ok: true, seed: undefined };
  const seed = /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return Number.isSafeInteger(seed) && seed <= DEMO_SEED_MAX
    ? { ok: true, seed }
    : { ok: false, message: demoSeedMessage(trimmed) };
}

export const demoSeedMessage = (given: string) =>
  `随机种子“${given}”不是 0 到 ${DEMO_SEED_MAX} 之间的整数。请改成这样的整数（例如 7），或不写随机种子。`;

/** mulberry32: a small, fast, well-distributed PRNG. */
export function randomGenerator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const { year, month } = parseMonthKey(last);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const index = year * 12 + (month - 1) - i;
    months.push(monthKey(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}

export type DemoCell = Pick<
  Deduction,
  'periodId' | 'villageId' | 'itemCode' | 'count' | 'points' | 'note' | 'place'
>;

/**
 * One month's inspection sheet for every village: each village has a lasting "care" level, so
 * some are often on top and some often at the bottom, with month-to-month noise; open burning
 * is rare. Returns the cells with something found and the villages not inspected.
 */
export function demoMonth(input: {
  month: string;
  villageIds: readonly string[];
  items: readonly StandardItem[];
  random: () => number;
}): {
  cells: DemoCell[];
  checks: Pick<VillageCheck, 'villageId' | 'skipped' | 'bonus' | 'bonusReason'>[];
} {
  const { random } = input;
  const cells: DemoCell[] = [];
  const checks: Pick<VillageCheck, 'villageId' | 'skipped' | 'bonus' | 'bonusReason'>[] = [];
  const ordinary = input.items.filter((i) => !i.zeroesCategory);
  const burning = input.items.find((i) => i.zeroesCategory);
  input.villageIds.forEach((villageId, index) => {
    if (random() < 0.01) {
      checks.push({ villageId, skipped: true, bonus: 0, bonusReason: '' });
      return;
    }
    // Care runs from 1 (village 1) to 8 (village 27) expected findings, plus noise: the town
    // averages in the high 80s, the worst villages dip below 80 now and then.
    const care = 1 + (index / Math.max(1, input.villageIds.length - 1)) * 7;
    const findings = Math.max(0, Math.round(care + (random() - 0.5) * 5));
    const used = new Set<string>();
    for (let f = 0; f < findings; f += 1) {
      const item = ordinary[Math.floor(random() * ordinary.length)]!;
      if (used.has(item.code)) continue;
      used.add(item.code);
      cells.push({
        periodId: input.month,
        villageId,
        itemCode: item.code,
        count: 1 + Math.floor(random() * 4),
        points: null,
        note: '',
        place: '',
      });
    }
    if (burning && random() < 0.004) {
      cells.push({
        periodId: input.month,
        villageId,
        itemCode: burning.code,
        count: 1,
        points: null,
        note: '田间焚烧秸秆',
        place: '',
      });
    }
    if (random() < 0.03)
      checks.push({ villageId, skipped: false, bonus: 1, bonusReason: '主动开展义务清扫' });
  });
  return { cells, checks };
}

const DEMO_PROBLEM_TEXTS: Record<string, string[]> = {
  人居环境: [
    '村口垃圾收集点周边散落垃圾',
    '房前屋后柴草乱堆乱放',
    '残垣断壁未拆除',
    '公厕无人管护',
    '道路两侧白色垃圾',
  ],
  河湖四乱: ['河道内倾倒建筑垃圾', '河岸违规搭建彩钢房', '河道内乱采砂石', '排污口异味'],
  '林草/森林防火': ['林区周边野外用火', '防火通道杂草未清理', '林下堆放易燃物'],
  秸秆焚烧: ['田间焚烧秸秆', '地头焚烧枯枝落叶'],
  '水/大气/土壤/固废/噪声': ['养殖粪污直排沟渠', '废旧农膜随意丢弃', '夜间施工噪声扰民'],
  其他: ['环保宣传牌破损'],
};

export interface DemoProblem {
  source: 'upper' | 'town' | 'village' | 'public';
  category: string;
  villageIndex: number;
  description: string;
  foundOn: string;
  deadline: string;
  status: 'pending' | 'inProgress' | 'closeRequested' | 'closed' | 'unfixable';
  closedOn?: string;
}

/**
 * About `perMonth` ledger items a month: mostly 镇级督查 and 村级自查, some complaints and
 * upper-level feedback; items older than two months are closed (a few could not be fixed),
 * recent ones are still open, some past their deadline.
 */
export function demoProblems(input: {
  months: readonly string[];
  villages: number;
  perMonth: number;
  random: () => number;
}): DemoProblem[] {
  const { random } = input;
  const categories = Object.keys(DEMO_PROBLEM_TEXTS);
  const items: DemoProblem[] = [];
  input.months.forEach((month, index) => {
    const recent = index >= input.months.length - 2;
    for (let i = 0; i < input.perMonth; i += 1) {
      const r = random();
      const source = r < 0.05 ? 'upper' : r < 0.15 ? 'public' : r < 0.55 ? 'village' : 'town';
      const category = r < 0.6 ? '人居环境' : categories[Math.floor(random() * categories.length)]!;
      const texts = DEMO_PROBLEM_TEXTS[category]!;
      const day = 1 + Math.floor(random() * 27);
      const foundOn = `${month}-${String(day).padStart(2, '0')}`;
      const fixDays = 7 + Math.floor(random() * 24);
      const deadline = addDaysIso(foundOn, fixDays);
      const status = recent
        ? random() < 0.5
          ? 'inProgress'
          : random() < 0.5
            ? 'pending'
            : 'closeRequested'
        : random() < 0.02
          ? 'unfixable'
          : 'closed';
      items.push({
        source,
        category,
        villageIndex: Math.floor(random() * input.villages),
        description: texts[Math.floor(random() * texts.length)]!,
        foundOn,
        deadline,
        status,
        ...(status === 'closed'
          ? { closedOn: addDaysIso(foundOn, Math.max(1, fixDays - 3 + Math.floor(random() * 8))) }
          : {}),
      });
    }
  });
  return items;
}

function addDaysIso(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A demo patrol: which segment or plot (by index), when, and what was found if anything. */
export interface DemoPatrol {
  index: number;
  date: string;
  finding?: { kind: string; note: string } | undefined;
}

const RIVER_NOTES: Record<string, string> = {
  乱堆: '河岸堆放生活垃圾',
  乱占: '河道内搭建临时棚屋',
  漂浮物: '河面有漂浮垃圾',
  排污口: '发现不明排污口',
};
const FOREST_NOTES: Record<string, string> = {
  火灾隐患: '林缘杂草堆积',
  野外用火: '有群众在林边焚烧杂草',
  病虫害: '松树出现枯黄',
};

/**
 * Patrols of the demo: each village's river chief about once a week on its segment
 * (`segments` of them, one per village), each town chief once or twice a month (`townSegments`),
 * each village's ranger on about 14 days a month; about 3 in 100 find something. Ten years come
 * to about 60,000 patrols.
 */
export function demoPatrols(input: {
  months: readonly string[];
  segments: number;
  townSegments: number;
  plots: number;
  random: () => number;
}): { river: DemoPatrol[]; town: DemoPatrol[]; forest: DemoPatrol[] } {
  const { random } = input;
  const river: DemoPatrol[] = [];
  const town: DemoPatrol[] = [];
  const forest: DemoPatrol[] = [];
  const pick = (notes: Record<string, string>) => {
    const kinds = Object.keys(notes);
    const kind = kinds[Math.floor(random() * kinds.length)]!;
    return { kind, note: notes[kind]! };
  };
  for (const month of input.months) {
    const days = Number(lastDayOfMonth(month).slice(8, 10));
    const date = (day: number) => `${month}-${String(day).padStart(2, '0')}`;
    for (let s = 0; s < input.segments; s += 1)
      for (let week = 0; week * 7 < days; week += 1) {
        if (random() < 0.08) continue; // a missed week now and then
        const day = Math.min(days, week * 7 + 1 + Math.floor(random() * 7));
        river.push({
          index: s,
          date: date(day),
          finding: random() < 0.03 ? pick(RIVER_NOTES) : undefined,
        });
      }
    for (let s = 0; s < input.townSegments; s += 1)
      for (let n = random() < 0.5 ? 1 : 2; n > 0; n -= 1)
        town.push({ index: s, date: date(1 + Math.floor(random() * days)) });
    for (let p = 0; p < input.plots; p += 1)
      for (let day = 1; day <= days; day += 1)
        if (random() < 0.46)
          forest.push({
            index: p,
            date: date(day),
            finding: random() < 0.02 ? pick(FOREST_NOTES) : undefined,
          });
  }
  return { river, town, forest };
}

/**
 * The demo's work records, by kind and values (villages by index): study sessions of each meeting
 * type, publicity, the ten eliminations, and each year a compact, toilets and greening.
 */
export function demoWorkRecords(input: {
  months: readonly string[];
  villages: number;
  eliminations: readonly string[];
  random: () => number;
}): { kind: string; date: string; village?: number; values: Record<string, string | number> }[] {
  const { random } = input;
  const out: ReturnType<typeof demoWorkRecords> = [];
  const day = (month: string) =>
    `${month}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`;
  const meetings = ['镇党委会议', '党委理论学习中心组', '镇村干部职工例会'];
  const channels = ['抖音', '微信公众号', '会议', '法治大讲堂', '道德大讲堂', '活动'];
  for (const month of input.months) {
    for (const meetingType of meetings)
      if (random() < 0.7) {
        const date = day(month);
        out.push({
          kind: 'study',
          date,
          values: {
            date,
            meetingType,
            topic: '学习习近平生态文明思想',
            attendance: 10 + Math.floor(random() * 30),
          },
        });
      }
    for (let i = 0; i < 2; i += 1) {
      const date = day(month);
      const channel = channels[Math.floor(random() * channels.length)]!;
      out.push({
        kind: 'publicity',
        date,
        values: {
          date,
          channel,
          title: '人居环境整治宣传',
          reach: 100 + Math.floor(random() * 900),
        },
      });
    }
    for (let i = 0; i < 5; i += 1) {
      const date = day(month);
      const village = Math.floor(random() * input.villages);
      const item = input.eliminations[Math.floor(random() * input.eliminations.length)]!;
      out.push({
        kind: 'elimination',
        date,
        village,
        values: { date, item, count: 1 + Math.floor(random() * 6) },
      });
    }
    if (month.endsWith('-06')) {
      for (let v = 0; v < input.villages; v += 1) {
        const date = day(month);
        const planned = 5 + Math.floor(random() * 20);
        out.push({
          kind: 'toilet',
          date,
          village: v,
          values: {
            date,
            planned,
            completed: Math.floor(planned * (0.6 + random() * 0.4)),
            toiletType: random() < 0.7 ? '三格式' : '双瓮式',
            use: '正常使用',
          },
        });
      }
      const date = day(month);
      out.push({
        kind: 'greening',
        date,
        values: {
          date,
          road: 'S205',
          km: 20 + Math.floor(random() * 100) / 10,
          maintainedBy: '镇村组',
        },
      });
    }
    if (month.endsWith('-03')) {
      const v = Math.floor(random() * input.villages);
      const adoptedOn = day(month);
      out.push({
        kind: 'compact',
        date: adoptedOn,
        village: v,
        values: { adoptedOn, title: '村规民约（修订）' },
      });
    }
  }
  return out;
}

/**
 * Which demo records carry photos, as an office's would: a closed item's after-photo (销号
 * demands one) for about one in eight closed items, a site photo on about one deduction in
 * twenty, and one on every patrol that found something. Drawn from its own seeded stream, so the
 * rest of the demo is the same with or without photos. Ten years come to a few thousand photos.
 */
export function demoPhotoPlan(input: {
  closedProblems: number;
  deductions: number;
  patrolsWithFindings: number;
  seed?: number;
}): { problems: Set<number>; deductions: Set<number>; patrols: Set<number> } {
  const random = randomGenerator(input.seed ?? demoSeeds().photos);
  const pick = (n: number, share: number) => {
    const out = new Set<number>();
    for (let i = 0; i < n; i += 1) if (random() < share) out.add(i);
    return out;
  };
  return {
    problems: pick(input.closedProblems, 1 / 8),
    deductions: pick(input.deductions, 1 / 20),
    patrols: pick(input.patrolsWithFindings, 1),
  };
}

/** The demo's accounts: every role once, to try what each may do; one password for all. */
export const DEMO_ACCOUNTS: readonly { name: string; roles: Role[]; all?: boolean }[] = [
  { name: '张环保', roles: ['admin', 'office'], all: true },
  { name: '李镇长', roles: ['leader'] },
  { name: '王纪检', roles: ['discipline'] },
  { name: '赵干事', roles: ['office'] },
];
export const DEMO_PASSWORD = 'demo1234';
