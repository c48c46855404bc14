import { DEFAULT_HOTLINE_CATEGORIES, ZHotlineState } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryOne, queryRows, textArray } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { reporterContext } from '../hotline/hotline.people.js';
import { hotlineItems, hotlineRoutingRules, hotlineUnitChannels } from '../hotline/hotline.table.js';
import { HOTLINE_DEFAULTS } from '../hotline/settings/hotline-settings.js';
import { scheduleExpiry, scheduleSla } from '../hotline/sla/sla.jobs.js';
import { rebuildRollups } from '../hotline/stats/rollup-rebuild.js';
import { BENCH_SCALE, type DemoScale, type DemoUnit, prng } from './demo-data.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const OFFSET = 8 * HOUR; // Beijing time, UTC+8 all year
const BATCH = 2000;

const CATEGORIES: string[] = DEFAULT_HOTLINE_CATEGORIES.map((c) => c.code);
const CATEGORY_WEIGHTS: Record<string, number> = {
  production: 14,
  safety: 12,
  pay: 14,
  canteen: 16,
  transport: 10,
  housing: 6,
  training: 8,
  suggestion: 12,
  other: 8,
};
const URGENCIES = ['normal', 'urgent', 'immediate'];
const VISIBILITIES = ['named', 'confidential', 'anonymous'];
const STATES: string[] = [...ZHotlineState.options];

/** Fictional titles per category (index = category). */
const TITLES: string[][] = [
  [
    '二号高炉出铁口设备老化',
    '轧线换辊时间过长',
    '备件领用流程繁琐',
    '班组交接记录不规范',
    '冷轧线计划频繁调整',
  ],
  ['配电室门锁损坏', '行车轨道护栏松动', '煤气区域报警器失灵', '厂房照明不足存在隐患', '消防通道被物料堵塞'],
  ['夜班津贴发放延迟', '加班费核算有误', '高温补贴标准不清楚', '年休假安排不公平', '工资条项目看不懂'],
  ['食堂午餐排队太久', '夜班食堂饭菜偏凉', '食堂菜品种类少', '澡堂热水供应不足', '更衣柜数量不够'],
  ['通勤班车经常晚点', '厂区停车位不足', '夜班下班没有班车', '班车线路调整未通知', '电动车充电桩太少'],
  ['单身宿舍空调故障', '宿舍网络信号差', '职工公寓报修无人处理', '宿舍楼热水时有时无'],
  ['技能培训名额太少', '培训时间与倒班冲突', '取证培训费用报销慢', '希望开设数字化技能课程'],
  [
    '建议设立职工读书角',
    '建议优化夜班休息室',
    '建议增加工间休息点',
    '建议开展岗位技能比武',
    '建议完善合理化建议奖励',
  ],
  ['体检报告领取不便', '工会会员卡积分无法使用', '职工文体活动场地不足', '班组微信群通知太多'],
];
const DETAILS = [
  '这个问题已经持续一个多月，影响大家正常工作。',
  '班组多位职工反映过，希望尽快协调解决。',
  '之前向班组长反映过，暂时没有结果。',
  '主要集中在夜班和周末，白班情况好一些。',
  '希望有关部门能到现场看一看。',
  '影响职工休息，大家意见比较大。',
  '建议明确责任部门和处理时限。',
  '如需了解情况，可以到班组核实。',
  '希望能给出一个明确的答复。',
  '去年也出现过类似情况，后来又反复了。',
  '涉及人数较多，恳请重视。',
  '具体情况可以查看班组的记录。',
];
const REPLIES = [
  '经核实，已协调相关部门整改，预计本周内完成，感谢您的反映。',
  '您反映的问题已转交责任科室处理，已制定整改措施并落实到人。',
  '已组织现场查看，问题已解决，后续将加强日常检查。',
  '经了解，相关政策已有明确规定，已安排专人向班组作出解释。',
  '已列入本季度改进计划，完成后将在厂务公开栏公示。',
  '感谢您的建议，已提交职代会专门工作委员会研究采纳。',
  '已与有关单位沟通，问题已按程序处理，如仍有疑问请随时联系。',
  '经调查核实，已对相关流程进行优化，感谢您的监督。',
];
const RATING_COMMENTS = ['解决得很及时', '满意，谢谢', '处理认真', '基本满意', '还需跟进', '答复太笼统'];

type Rnd = ReturnType<typeof prng>;

function weighted<T>(rnd: Rnd, entries: [T, number][]): T {
  let r = rnd.next() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of entries) {
    if (r < w) return v;
    r -= w;
  }
  return entries[entries.length - 1][0];
}

/** Beijing days since the epoch; weekdays stand in for working days (no calendar per item). */
const dayOf = (t: number) => Math.floor((t + OFFSET) / DAY);
const isWeekday = (d: number) => {
  const dow = (d + 4) % 7; // 1970-01-01 was a Thursday
  return dow >= 1 && dow <= 5;
};
const endOfDay = (d: number) => (d + 1) * DAY - OFFSET;
const atHour = (d: number, h: number) => d * DAY - OFFSET + h * HOUR;
function nthWeekdayAfter(d: number, n: number): number {
  let day = d;
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWeekday(day)) left -= 1;
  }
  return day;
}
function weekdaysBetween(from: number, to: number): number {
  let n = 0;
  for (let d = from + 1; d <= to; d += 1) if (isWeekday(d)) n += 1;
  return n;
}

type Item = {
  code: string;
  cat: number;
  urg: number;
  vis: number;
  state: number;
  close: number;
  unitId: number;
  handlingUnitId: number;
  title: number;
  detail: number;
  reporter: number | null;
  publish: boolean;
  created: number;
  acceptDue: number | null;
  answerDue: number | null;
  pausedAt: number | null;
  acceptedAt: number | null;
  answeredAt: number | null;
  acceptOnTime: boolean | null;
  answerOnTime: boolean | null;
  workingDays: number | null;
  overdueAt: number | null;
  rating: number | null;
  ratingComment: number | null;
  reopenedAt: number | null;
  meToo: number;
  updated: number;
  version: number;
};

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The deadlines as filing computes them, with weekdays for working days. */
function deadlines(created: number, urg: string, answerDays: number): [number, number] {
  const d = dayOf(created);
  if (urg === 'immediate') return [created + HOUR, created + 4 * HOUR];
  if (urg === 'urgent') {
    const due = isWeekday(d) ? endOfDay(d) : endOfDay(nthWeekdayAfter(d, 1));
    return [due, due];
  }
  return [endOfDay(nthWeekdayAfter(d, 1)), endOfDay(nthWeekdayAfter(d, answerDays))];
}

/** When, after `from`, a handler does something `wd` working days later (in office hours). */
function laterOn(rnd: Rnd, from: number, wd: number): number {
  if (wd === 0) return from + rnd.int(20, 300) * 60_000;
  return Math.max(from + HOUR, atHour(nthWeekdayAfter(dayOf(from), wd), 8.5 + rnd.next() * 9));
}

/** The item's life up to now: acceptance, answer, rating or expiry, a reopening, overdue marks. */
function live(rnd: Rnd, it: Item, now: number, answerDays: number, superior: number) {
  const urg = URGENCIES[it.urg];
  const day = dayOf(it.created);
  const set = (state: string) => {
    it.state = STATES.indexOf(state);
  };
  let version = 1;
  let last = it.created;
  // 2%: not for the hotline, closed by the office soon after arrival.
  if (rnd.next() < 0.02) {
    const closedAt = laterOn(rnd, it.created, rnd.int(0, 1));
    if (closedAt <= now) {
      set('closed');
      it.close = 2;
      it.updated = closedAt;
      it.version = 2;
      return;
    }
  }
  const late = rnd.next();
  const acceptedAt =
    urg === 'immediate'
      ? it.created + (late < 0.05 ? rnd.int(70, 120) : rnd.int(5, 50)) * 60_000
      : urg === 'urgent'
        ? it.created + (late < 0.05 ? rnd.int(10, 20) : rnd.int(1, 6)) * 600_000
        : laterOn(rnd, it.created, late < 0.6 ? 0 : late < 0.93 ? 1 : rnd.int(2, 3));
  let answeredAt: number;
  if (urg === 'immediate')
    answeredAt = acceptedAt + (rnd.next() < 0.08 ? rnd.int(4, 8) : rnd.int(1, 3)) * HOUR;
  else if (urg === 'urgent')
    answeredAt = rnd.next() < 0.85 ? acceptedAt + rnd.int(1, 4) * HOUR : laterOn(rnd, it.created, 1);
  else {
    const wd =
      rnd.next() < 0.12 ? answerDays + rnd.int(1, 6) : Math.round(answerDays * (0.2 + rnd.next() * 0.8));
    answeredAt = laterOn(rnd, it.created, Math.max(wd, weekdaysBetween(day, dayOf(acceptedAt))));
  }
  if (answeredAt <= acceptedAt) answeredAt = acceptedAt + HOUR;
  const mark = (due: number | null, at: number) => {
    if (due !== null && at > due && it.overdueAt === null) it.overdueAt = due + rnd.int(1, 30) * 60_000;
  };

  if (acceptedAt > now) {
    set('submitted');
    mark(it.acceptDue, now);
    mark(it.answerDue, now);
    it.updated = it.created;
    it.version = 1;
    return;
  }
  it.acceptedAt = acceptedAt;
  it.acceptOnTime = acceptedAt <= (it.acceptDue ?? Infinity);
  mark(it.acceptDue, acceptedAt);
  version += 1;
  last = acceptedAt;
  if (answeredAt > now) {
    const r = rnd.next();
    if (r < 0.08) {
      set('waiting_reporter');
      it.pausedAt = acceptedAt + rnd.int(1, 20) * HOUR;
      if (it.pausedAt > now) it.pausedAt = now - 60_000;
      version += 2;
      last = it.pausedAt;
    } else if (r < 0.2) set('accepted');
    else {
      set('in_progress');
      version += 1;
    }
    if (it.pausedAt === null) mark(it.answerDue, now);
    it.updated = last;
    it.version = version;
    return;
  }
  it.answeredAt = answeredAt;
  it.answerOnTime = answeredAt <= (it.answerDue ?? Infinity);
  it.workingDays = weekdaysBetween(day, dayOf(answeredAt));
  mark(it.answerDue, answeredAt);
  it.publish = rnd.next() < 0.4;
  version += 2;
  last = answeredAt;

  const rate = (after: number, low: boolean) => {
    const ratedAt = after + rnd.int(2, 150) * HOUR;
    if (rnd.next() < 0.6 && ratedAt <= now) {
      set('confirmed');
      it.rating = low
        ? weighted(rnd, [
            [1, 10],
            [2, 15],
            [3, 30],
            [4, 30],
            [5, 15],
          ])
        : weighted(rnd, [
            [1, 3],
            [2, 4],
            [3, 11],
            [4, 32],
            [5, 50],
          ]);
      it.ratingComment = rnd.next() < 0.4 ? rnd.int(0, RATING_COMMENTS.length - 1) : null;
      version += 1;
      last = ratedAt;
    } else if (after + 7 * DAY <= now) {
      set('closed');
      it.close = 1;
      version += 1;
      last = after + 7 * DAY;
    } else set('answered');
  };

  // 3%: reopened once by the reporter; the superior of the handling unit takes it over.
  const reopenedAt = answeredAt + rnd.int(3, 120) * HOUR;
  if (rnd.next() < 0.03 && reopenedAt <= now) {
    it.reopenedAt = reopenedAt;
    it.handlingUnitId = superior;
    version += 1;
    last = reopenedAt;
    const again = laterOn(rnd, reopenedAt, rnd.int(1, 5));
    if (again > now) set(rnd.next() < 0.5 ? 'reopened' : 'in_progress');
    else {
      it.answeredAt = again;
      it.answerOnTime = false;
      it.workingDays = weekdaysBetween(day, dayOf(again));
      version += 3;
      last = again;
      rate(again, true);
    }
  } else rate(answeredAt, false);
  it.updated = last;
  it.version = version;
}

/**
 * The demo's hotline (职工快线; fictional): routing rules (a works handles its own items, the
 * subsidiary its safety hazards), each subsidiary's safety contact, and a history of items
 * filed in the units by their people — at the demo scale about 600 over the past 12 months, at
 * the benchmark scale 500,000 over five years — in realistic mixes of categories, urgencies,
 * visibilities, states by age, deadlines kept or missed, ratings and replies. The demo employee
 * (王小军) gets two items of their own: one answered and not yet rated, one in progress.
 * Inserted in batches and counted into the statistics rollup once, set-based, at the end.
 */
export async function seedDemoHotline(
  tx: Db,
  crypto: FieldCrypto,
  { units, scale }: { units: DemoUnit[]; scale: DemoScale },
): Promise<number> {
  const rnd = prng(20261201);
  const bench = scale.people >= BENCH_SCALE.people;
  const count = bench ? 500_000 : Math.round(scale.people / 5);
  const days = bench ? 5 * 365 : 365;
  const now = Date.now();

  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<number, string>();
  for (const u of units) paths.set(u.id, `${u.parentId ? paths.get(u.parentId) : '/'}${u.id}/`);
  const root = units.find((u) => u.parentId === null)!;
  const works = units.filter((u) => /^S\d+-W\d+$/.test(u.code));
  const subs = units.filter((u) => /^S\d+$/.test(u.code));
  const ancestorOf = (u: DemoUnit, re: RegExp): DemoUnit | null => {
    for (let x: DemoUnit | undefined = u; x; x = x.parentId ? byId.get(x.parentId) : undefined)
      if (re.test(x.code)) return x;
    return null;
  };
  /** The handling unit of a unit's items: its works, its subsidiary for safety, else the office. */
  const handling = new Map<number, [number, number]>();
  for (const u of units) {
    const w = ancestorOf(u, /^S\d+-W\d+$/);
    const s = ancestorOf(u, /^S\d+$/);
    handling.set(u.id, w ? [w.id, s!.id] : s ? [s.id, s.id] : [root.id, root.id]);
  }
  const superiorOf = (id: number) => byId.get(id)?.parentId ?? root.id;

  // Routing rules that give the same handling to items filed from now on, and safety contacts.
  for (const s of subs)
    await tx.insert(hotlineRoutingRules).values({ category: null, unitId: s.id, handlingUnitId: s.id });
  for (const w of works) {
    const s = ancestorOf(w, /^S\d+$/)!;
    await tx.insert(hotlineRoutingRules).values([
      { category: null, unitId: w.id, handlingUnitId: w.id },
      { category: 'safety', unitId: w.id, handlingUnitId: s.id },
    ]);
  }

  // Active people, grouped so that a unit's subtree is one contiguous range (paths sorted).
  const staff = await queryRows<{ id: string; unit_id: string }>(
    tx,
    sql`select id, unit_id from people where employment_status = 'active' and employee_no like 'D%' order by id`,
  );
  const people = staff
    .map((p) => ({ id: Number(p.id), path: paths.get(Number(p.unit_id)) ?? '/' }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.id - b.id));
  const lowerBound = (key: string) => {
    let lo = 0;
    let hi = people.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (people[mid].path < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ranges = new Map<number, [number, number]>();
  for (const u of units) {
    let x: DemoUnit | undefined = u;
    while (x) {
      const p = paths.get(x.id)!;
      const lo = lowerBound(p);
      const hi = lowerBound(`${p}\uffff`);
      if (hi > lo) {
        ranges.set(u.id, [lo, hi]);
        break;
      }
      x = x.parentId ? byId.get(x.parentId) : undefined;
    }
  }
  for (const s of subs) {
    const [lo, hi] = ranges.get(s.id) ?? [0, 0];
    if (hi > lo)
      await tx
        .insert(hotlineUnitChannels)
        .values({ unitId: s.id, safetyContactPersonId: people[rnd.int(lo, hi - 1)].id });
  }

  // Where items are raised: mostly Party branches (where people work), some groups, works and others.
  const pools: [DemoUnit[], number][] = [
    [units.filter((u) => u.type === 'party_branch'), 80],
    [units.filter((u) => u.type === 'party_group'), 8],
    [works, 6],
    [units.filter((u) => /^(G-|S\d+$|S\d+-(GH|TW)$)/.test(u.code)), 6],
  ];

  // Arrival times first (sorted, so that ids follow time), weekdays and office hours preferred.
  const today = dayOf(now);
  const created = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    let d = today - Math.floor(rnd.next() * days);
    if (!isWeekday(d) && rnd.next() < 0.6) d -= rnd.int(1, 2);
    const hour = rnd.next() < 0.85 ? 8 + rnd.next() * 10 : rnd.next() * 24;
    let t = atHour(d, hour);
    if (t >= now) t = now - rnd.int(1, 600) * 60_000;
    created[i] = t;
  }
  created.sort();

  const employee = await queryOne<{ id: string; unit_id: string }>(
    tx,
    sql`select id, unit_id from people where employee_no = 'employee'`,
  );
  const codes = new Set<string>();
  const newCode = (t: number) => {
    for (;;) {
      let c = `KX${new Date(t + OFFSET).toISOString().slice(2, 10).replaceAll('-', '')}-`;
      for (let k = 0; k < 5; k += 1) c += CODE_ALPHABET[Math.floor(rnd.next() * CODE_ALPHABET.length)];
      if (!codes.has(c)) {
        codes.add(c);
        return c;
      }
    }
  };
  const confidentialShare = bench ? 0.02 : 0.15;

  function makeItem(t: number, unit: DemoUnit, reporterId: number | null, catCode?: string): Item {
    const urgR = rnd.next();
    const urg = urgR < 0.88 ? 0 : urgR < 0.97 ? 1 : 2;
    const cat =
      catCode !== undefined
        ? CATEGORIES.indexOf(catCode)
        : urg === 2 && rnd.next() < 0.7
          ? CATEGORIES.indexOf('safety')
          : CATEGORIES.indexOf(weighted(rnd, Object.entries(CATEGORY_WEIGHTS)));
    const visR = rnd.next();
    const vis = reporterId !== null ? 0 : visR < 0.78 ? 0 : visR < 0.78 + confidentialShare ? 1 : 2;
    const [h, hSafety] = handling.get(unit.id)!;
    const [lo, hi] = ranges.get(unit.id) ?? [0, people.length];
    const [acceptDue, answerDue] = deadlines(t, URGENCIES[urg], DEFAULT_HOTLINE_CATEGORIES[cat].answerDays);
    const meR = rnd.next();
    return {
      code: newCode(t),
      cat,
      urg,
      vis,
      state: 0,
      close: 0,
      unitId: unit.id,
      handlingUnitId: CATEGORIES[cat] === 'safety' ? hSafety : h,
      title: rnd.int(0, TITLES[cat].length - 1),
      detail: rnd.int(0, DETAILS.length - 1),
      reporter: vis === 2 ? null : (reporterId ?? people[rnd.int(lo, hi - 1)].id),
      publish: false,
      created: t,
      acceptDue,
      answerDue,
      pausedAt: null,
      acceptedAt: null,
      answeredAt: null,
      acceptOnTime: null,
      answerOnTime: null,
      workingDays: null,
      overdueAt: null,
      rating: null,
      ratingComment: null,
      reopenedAt: null,
      meToo: meR < 0.83 ? 0 : meR < 0.98 ? rnd.int(1, 5) : rnd.int(6, 20),
      updated: t,
      version: 1,
    };
  }

  const base = Math.floor(now / 1000) - (days + 10) * 86_400;
  const sec = (t: number | null) => (t === null ? null : Math.floor(t / 1000) - base);
  const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  const titleFlat = TITLES.flat();
  const titleStart = TITLES.map((_, i) => TITLES.slice(0, i).reduce((s, l) => s + l.length, 0));
  const rowOf = (it: Item) => {
    const code = it.code;
    const confidential = it.vis === 1;
    return [
      code,
      it.cat,
      it.urg,
      it.vis,
      it.state,
      it.close,
      it.unitId,
      it.handlingUnitId,
      titleStart[it.cat] + it.title,
      it.detail,
      it.vis === 0 ? it.reporter : null,
      confidential ? crypto.encrypt(String(it.reporter), reporterContext(code)) : null,
      confidential ? crypto.blindIndex(String(it.reporter), 'hotline_reporter') : null,
      it.publish ? 1 : 0,
      sec(it.created),
      sec(it.acceptDue),
      sec(it.answerDue),
      sec(it.pausedAt),
      sec(it.acceptedAt),
      sec(it.answeredAt),
      bool(it.acceptOnTime),
      bool(it.answerOnTime),
      it.workingDays,
      sec(it.overdueAt),
      it.rating,
      it.ratingComment,
      sec(it.reopenedAt),
      it.meToo,
      sec(it.updated),
      it.version,
    ];
  };
  const ts = (n: number) => sql.raw(`to_timestamp(${base} + (r->>${n})::bigint)`);
  const insertBatch = async (batch: Item[]) => {
    await tx.execute(sql`insert into hotline_items (code, category, urgency, visibility, state, close_reason,
        unit_id, handling_unit_id, title, description, reporter_person_id, reporter_enc, reporter_index, secret_hash,
        publish_consent, clock_from, created_at, accept_due, answer_due, paused_at, accepted_at, answered_at,
        accept_on_time, answer_on_time, working_days, overdue_at, rating, rating_comment, reopened_at, me_too,
        updated_at, version)
      select r->>0, (${textArray(CATEGORIES)})[(r->>1)::int + 1], (${textArray(URGENCIES)})[(r->>2)::int + 1],
        (${textArray(VISIBILITIES)})[(r->>3)::int + 1], (${textArray(STATES)})[(r->>4)::int + 1],
        (array[null, 'unrated', 'not_applicable']::text[])[(r->>5)::int + 1],
        (r->>6)::bigint, (r->>7)::bigint, t.title, t.title || '。' || (${textArray(DETAILS)})[(r->>9)::int + 1],
        (r->>10)::bigint, r->>11, r->>12,
        case when (r->>3) = '2' then encode(sha256(convert_to('hotline:demo-' || (r->>0) || ${String(rnd.int(1e8, 9e8))}, 'UTF8')), 'hex') end,
        (r->>13) = '1', ${ts(14)}, ${ts(14)}, ${ts(15)}, ${ts(16)}, ${ts(17)}, ${ts(18)}, ${ts(19)},
        (r->>20)::int = 1, (r->>21)::int = 1, (r->>22)::int, ${ts(23)}, (r->>24)::int,
        (${textArray(RATING_COMMENTS)})[(r->>25)::int + 1], ${ts(26)}, (r->>27)::int, ${ts(28)}, (r->>29)::int
      from json_array_elements(${JSON.stringify(batch.map(rowOf))}::json) r
      cross join lateral (select (${textArray(titleFlat)})[(r->>8)::int + 1] as title) t`);
  };

  let batch: Item[] = [];
  let made = 0;
  for (let i = 0; i < count - (employee ? 2 : 0); i += 1) {
    const pool = weighted(rnd, pools);
    const unit = pool.length ? rnd.pick(pool) : root;
    const it = makeItem(created[i], unit, null);
    live(rnd, it, now, DEFAULT_HOTLINE_CATEGORIES[it.cat].answerDays, superiorOf(it.handlingUnitId));
    batch.push(it);
    if (batch.length === BATCH) {
      await insertBatch(batch);
      made += batch.length;
      batch = [];
    }
  }
  if (employee) {
    // The demo employee's own: canteen, answered two days ago and not rated yet; housing, in progress.
    const home = byId.get(Number(employee.unit_id)) ?? root;
    const answered = makeItem(atHour(today - 6, 9.5), home, Number(employee.id), 'canteen');
    Object.assign(answered, {
      state: STATES.indexOf('answered'),
      acceptedAt: answered.created + 2 * HOUR,
      acceptOnTime: true,
      answeredAt: atHour(today - 2, 15),
      publish: false,
      meToo: 3,
      updated: atHour(today - 2, 15),
      version: 4,
    });
    answered.answerOnTime = answered.answeredAt! <= answered.answerDue!;
    answered.workingDays = weekdaysBetween(dayOf(answered.created), dayOf(answered.answeredAt!));
    const open = makeItem(atHour(today - 3, 10), home, Number(employee.id), 'housing');
    Object.assign(open, {
      urg: 0,
      state: STATES.indexOf('in_progress'),
      acceptedAt: open.created + 3 * HOUR,
      acceptOnTime: true,
      meToo: 0,
      updated: open.created + 5 * HOUR,
      version: 3,
    });
    [open.acceptDue, open.answerDue] = deadlines(open.created, 'normal', 10);
    // Keep ids in time order within the last batch (at the benchmark scale it spans about a week).
    batch.push(answered, open);
    batch.sort((a, b) => a.created - b.created);
  }
  if (batch.length) {
    await insertBatch(batch);
    made += batch.length;
  }

  // The handlers' replies on answered items, and the office's on items it found not applicable.
  await tx.execute(sql`insert into hotline_messages (item_id, kind, text, author_unit_id, created_at)
    select h.id, 'reply', (${textArray(REPLIES)})[1 + (h.id % ${REPLIES.length})], h.handling_unit_id, h.answered_at
    from hotline_items h where h.answered_at is not null
    union all
    select h.id, 'reply', '经核实，您反映的事项不属于职工快线受理范围，已告知相关渠道。', h.handling_unit_id, h.updated_at
    from hotline_items h where h.close_reason = 'not_applicable'
    order by 5`);
  await tx.execute(sql`insert into hotline_messages (item_id, kind, text, created_at)
    select h.id, 'reporter', '问题没有彻底解决，希望上级单位跟进。', h.reopened_at
    from hotline_items h where h.reopened_at is not null order by h.reopened_at`);

  // At the demo scale, the open items' deadline jobs and the answered items' expiry, as the
  // services queue them (the benchmark leaves its thousands of open items without jobs).
  if (!bench) {
    const pending = await tx
      .select()
      .from(hotlineItems)
      .where(sql`${hotlineItems.state} in ('submitted', 'accepted', 'in_progress', 'reopened', 'answered')`);
    for (const item of pending) {
      if (item.state === 'answered') await scheduleExpiry(tx, item);
      else await scheduleSla(tx, item, HOTLINE_DEFAULTS.reminderDays);
    }
  }
  await rebuildRollups(tx);
  // Planner statistics for what was just loaded: the embedded engine has no autovacuum, and
  // without them it joins a thread's messages to all 70,000 people by hash (170 ms, not 1).
  await tx.execute(sql`analyze`);
  return made;
}
