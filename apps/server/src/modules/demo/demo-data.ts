import { idCardCheckChar, type TPersonInput } from '@lifeline/shared';
import { GIVEN_FEMALE, GIVEN_MALE, SUBSIDIARIES, SURNAMES, TEAMS, WORKS } from './demo-names.js';

/** A deterministic pseudo-random source (mulberry32), so that a seed always makes the same data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[] | string): T => list[Math.floor(next() * list.length)] as T,
  };
}

export type DemoUnit = {
  id: number;
  parentId: number | null;
  name: string;
  code: string;
  type: string;
  sortOrder: number;
};
export type DemoPerson = Omit<TPersonInput, 'unitId'> & { unitId: number };
export type DemoScale = {
  subsidiaries: number;
  worksPerSubsidiary: number;
  branchesPerWorks: number;
  groupsPerBranch: number;
  people: number;
};

/** The demo installation: ~60 branches and ~3,000 people. */
export const DEMO_SCALE: DemoScale = {
  subsidiaries: 5,
  worksPerSubsidiary: 3,
  branchesPerWorks: 4,
  groupsPerBranch: 2,
  people: 3000,
};
/** The benchmark: 70,000 people in about 2,000 units. */
export const BENCH_SCALE: DemoScale = {
  subsidiaries: 8,
  worksPerSubsidiary: 8,
  branchesPerWorks: 10,
  groupsPerBranch: 2,
  people: 70_000,
};

/**
 * Builds a fictional enterprise group: the group Party committee, subsidiary Party committees,
 * grassroots committees and general branches, Party branches with Party groups, and beside
 * them the union, the Youth League and the research association, each with per-subsidiary units.
 */
export function demoUnits(scale: DemoScale): DemoUnit[] {
  const units: DemoUnit[] = [];
  let id = 0;
  const add = (parentId: number | null, name: string, code: string, type: string) => {
    id += 1;
    units.push({
      id,
      parentId,
      name,
      code,
      type,
      sortOrder: units.filter((u) => u.parentId === parentId).length + 1,
    });
    return id;
  };
  const root = add(null, '示范钢铁集团党委（演示）', 'G', 'group_party_committee');
  add(root, '集团党群工作部', 'G-DQ', 'department');
  const research = add(root, '集团政研会', 'G-ZY', 'research_association');
  void research;
  const union = add(root, '集团工会', 'G-GH', 'union');
  const league = add(root, '集团团委', 'G-TW', 'youth_league');
  for (let s = 0; s < scale.subsidiaries; s += 1) {
    const subName =
      SUBSIDIARIES[s % SUBSIDIARIES.length] +
      (s >= SUBSIDIARIES.length ? `${Math.floor(s / SUBSIDIARIES.length) + 1}` : '');
    const sCode = `S${s + 1}`;
    const sub = add(root, `${subName}党委`, sCode, 'party_committee');
    add(union, `${subName}工会`, `${sCode}-GH`, 'union');
    add(league, `${subName}团委`, `${sCode}-TW`, 'youth_league');
    for (let w = 0; w < scale.worksPerSubsidiary; w += 1) {
      const worksName =
        WORKS[(s * 3 + w) % WORKS.length] + (w >= WORKS.length ? `${Math.floor(w / WORKS.length) + 1}` : '');
      const wCode = `${sCode}-W${w + 1}`;
      const works = add(
        sub,
        `${subName}${worksName}${w % 3 === 2 ? '党总支' : '党委'}`,
        wCode,
        w % 3 === 2 ? 'general_branch' : 'party_committee',
      );
      for (let b = 0; b < scale.branchesPerWorks; b += 1) {
        const team =
          TEAMS[(w + b) % TEAMS.length] + (b >= TEAMS.length ? `${Math.floor(b / TEAMS.length) + 1}` : '');
        const bCode = `${wCode}-B${b + 1}`;
        const branch = add(works, `${worksName}${team}党支部`, bCode, 'party_branch');
        for (let g = 0; g < scale.groupsPerBranch; g += 1)
          add(branch, `第${'一二三四五六七八九十'[g % 10]}党小组`, `${bCode}-G${g + 1}`, 'party_group');
      }
    }
  }
  return units;
}

const STATUS_WEIGHTS: [TPersonInput['politicalStatus'], number][] = [
  ['party_member', 36],
  ['probationary_member', 3],
  ['activist', 5],
  ['league_member', 14],
  ['democratic_party', 2],
  ['masses', 40],
];

/** A valid (check digit) but fictional ID-card number for a birth date and gender. */
function idCard(rnd: ReturnType<typeof prng>, birth: string, gender: 'male' | 'female'): string {
  const region = rnd.pick(['210502', '210503', '210504', '210505', '210521', '371202', '371203']);
  const order =
    rnd.int(0, 99) * 10 + (gender === 'male' ? rnd.pick([1, 3, 5, 7, 9]) : rnd.pick([0, 2, 4, 6, 8]));
  const first17 = `${region}${birth.replace(/-/g, '')}${String(order).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

/**
 * People spread over the Party branches (some in the mass organisations and the department),
 * with statuses, Party dates, positions and valid fictional ID-card numbers. Employee numbers
 * are D000001…; the same seed always gives the same people.
 */
export function demoPeople(units: DemoUnit[], count: number, seed = 20260701): DemoPerson[] {
  const rnd = prng(seed);
  const branches = units.filter((u) => u.type === 'party_branch');
  const others = units.filter(
    (u) => u.type === 'department' || u.type === 'union' || u.type === 'youth_league',
  );
  const out: DemoPerson[] = [];
  const secretaries = new Set<number>();
  const usedIds = new Set<string>();
  const usedPhones = new Set<number>();
  for (let i = 0; i < count; i += 1) {
    const gender: 'male' | 'female' = rnd.next() < 0.72 ? 'male' : 'female';
    const surname = rnd.next() < 0.01 ? rnd.pick(SURNAMES.slice(-3)) : rnd.pick(SURNAMES.slice(0, -3));
    const pool = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
    const given = rnd.next() < 0.7 ? rnd.pick<string>(pool) + rnd.pick<string>(pool) : rnd.pick<string>(pool);
    const year = rnd.int(1966, 2004);
    const birthDate = `${year}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    let id = idCard(rnd, birthDate, gender);
    while (usedIds.has(id)) id = idCard(rnd, birthDate, gender);
    usedIds.add(id);
    let r = rnd.next() * 100;
    let status: TPersonInput['politicalStatus'] = 'masses';
    for (const [s, w] of STATUS_WEIGHTS) {
      if (r < w) {
        status = s;
        break;
      }
      r -= w;
    }
    if (status === 'league_member' && year < 1998) status = 'masses';
    const unit = rnd.next() < 0.03 && others.length ? rnd.pick(others) : branches[i % branches.length];
    const joinedYear = Math.min(2024, year + rnd.int(20, 35));
    const joined = `${joinedYear}-${String(rnd.int(1, 12)).padStart(2, '0')}-01`;
    const positions: TPersonInput['positions'] = [];
    if (status === 'party_member' && unit.type === 'party_branch' && !secretaries.has(unit.id)) {
      secretaries.add(unit.id);
      positions.push('secretary');
    } else if (status === 'party_member' && rnd.next() < 0.08) positions.push('committee_member');
    if (rnd.next() < 0.03) positions.push('political_cadre');
    const employment = rnd.next();
    // A phone number is a login name: a drawn one already given goes to the next free number
    // (without drawing again, so that the same seed still gives the same people).
    let phone = rnd.int(0, 99_999_999);
    while (usedPhones.has(phone)) phone = (phone + 1) % 100_000_000;
    usedPhones.add(phone);
    out.push({
      employeeNo: `D${String(i + 1).padStart(6, '0')}`,
      name: surname + given,
      gender,
      birthDate,
      idCard: id,
      phone: `139${String(phone).padStart(8, '0')}`,
      unitId: unit.id,
      politicalStatus: status,
      partyJoinedOn:
        status === 'party_member' || status === 'probationary_member'
          ? status === 'probationary_member'
            ? '2026-03-01'
            : joined
          : null,
      partyFullMemberOn: status === 'party_member' ? `${joinedYear + 1}${joined.slice(4)}` : null,
      positions,
      cadreRank: positions.includes('secretary')
        ? rnd.pick(['section', 'deputy_section', 'deputy_division'] as const)
        : 'none',
      education: rnd.pick(['master', 'bachelor', 'bachelor', 'college', 'college', 'secondary'] as const),
      employmentStatus: employment < 0.92 ? 'active' : employment < 0.98 ? 'retired' : 'transferred_out',
    });
  }
  return out;
}
