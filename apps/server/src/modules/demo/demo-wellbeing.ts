import { CONSENT_TEXT_VERSION, SAS, scoreInstrument } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { settings } from '../../platform/settings/settings.table.js';
import { assessmentConsents, assessmentResults } from '../assessments/assessments.table.js';
import { sealResult } from '../assessments/results/result-crypto.js';
import { coachProfiles } from '../counselling/counselling.table.js';
import { roleAssignments } from '../roles/roles.table.js';
import { prng } from './demo-data.js';

/** The article's team: "近百人" happiness coaches and 50 wellbeing volunteers. */
export const DEMO_COACHES = 98;
export const DEMO_VOLUNTEERS = 50;

const SPECIALITIES = [
  '情绪疏导',
  '压力管理',
  '职业规划',
  '家庭关系',
  '睡眠改善',
  '新员工适应',
  '倒班作息',
  '沟通技巧',
];

/**
 * The demo's wellbeing side (fictional, marked as demo): the help information, the coach team
 * (98 coaches with the demo coach account, 50 volunteers), and SAS results of a few hundred
 * demo people in the past months, so that the statistics have something to count.
 */
export async function seedDemoWellbeing(
  tx: Db,
  crypto: FieldCrypto,
  ids: { coachId: number; groupUnitId: number },
): Promise<number> {
  const rnd = prng(20261123);
  await tx.insert(settings).values({
    key: 'wellbeing',
    value: {
      openToEveryone: false,
      retentionDays: 730,
      help: {
        message: {
          zh: '如果您正感到难以承受，请不要独自面对。可以随时拨打下列电话，或一键请求幸福教练联系您。（演示数据）',
          en: 'If things feel too much, you do not have to face it alone. Call one of the numbers below at any time, or ask a coach to contact you. (Demo data)',
        },
        contacts: [
          { name: '全国心理援助热线', phone: '12356', hours: '24小时' },
          { name: '集团工会心理服务室（演示）', phone: '024-0000-0000', hours: '工作日 8:30-17:30' },
        ],
      },
    },
  });

  const pool = await queryRows<{ id: string; unit_id: string; path: string }>(
    tx,
    sql`select p.id, p.unit_id, u.path from people p join org_units u on u.id = p.unit_id where p.employment_status = 'active'
          and p.employee_no not in ('admin','unitadmin','secretary','secretariat','leader','expert','coach','hotline','employee','security','auditor')
        order by p.id`,
  );
  // The coach team as the article counts it (近百人的"幸福教练"队伍和 50 人的心理服务义工队): the
  // demo coach account and 97 demo people as coaches, 50 more as volunteers, all with profiles.
  // A few serve the whole group; the others their own subsidiary's people (the role is held on
  // the subsidiary, the first unit below the group on their path).
  const subsidiaryOf = (path: string) => Number(path.split('/')[2] ?? ids.groupUnitId) || ids.groupUnitId;
  const team = [
    { personId: ids.coachId, kind: 'coach' as const, unitId: ids.groupUnitId, existingRole: true },
    // From the end of the roster: the demo people the journeys give accounts to come first.
    ...pool.slice(-(DEMO_COACHES - 1 + DEMO_VOLUNTEERS)).map((p, i) => ({
      personId: Number(p.id),
      kind: i < DEMO_COACHES - 1 ? ('coach' as const) : ('volunteer' as const),
      unitId: i % 12 === 0 ? ids.groupUnitId : subsidiaryOf(p.path),
      existingRole: false,
    })),
  ];
  for (const [i, m] of team.entries()) {
    if (!m.existingRole)
      await tx.insert(roleAssignments).values({ personId: m.personId, role: m.kind, unitId: m.unitId });
    await tx.insert(coachProfiles).values({
      personId: m.personId,
      kind: m.kind,
      specialities: [SPECIALITIES[i % 8], SPECIALITIES[(i + 3) % 8]],
      languages: i % 3 === 0 ? ['中文', 'English'] : ['中文'],
      bio:
        m.kind === 'coach'
          ? '（演示）持证心理咨询师，长期从事职工心理服务。'
          : '（演示）心理服务义工，经培训上岗，倾听与陪伴。',
      availability: [
        { weekday: 1 + (i % 5), start: '18:30', end: '20:30' },
        { weekday: 6, start: '09:00', end: '11:30' },
      ],
    });
  }

  // SAS results of demo people who (in the demo) consented, over the past ten months.
  const now = Date.now();
  const takers = pool.filter(() => rnd.next() < 0.14);
  for (const p of takers) {
    const personId = Number(p.id);
    const lean = rnd.next();
    // How anxious the (fictional) person is decides each item's scored level; reverse-scored items
    // are answered the other way round, as a real person's would be.
    const level = () =>
      lean < 0.7
        ? rnd.int(1, 2)
        : lean < 0.9
          ? rnd.next() < 0.6
            ? rnd.int(1, 2)
            : rnd.int(2, 3)
          : lean < 0.97
            ? rnd.int(2, 3)
            : rnd.int(2, 4);
    const answers = SAS.items.map((_, i) => (SAS.reverseItems.includes(i + 1) ? 5 - level() : level()));
    const result = scoreInstrument(SAS, answers);
    const takenAt = new Date(now - rnd.int(1, 300) * 86_400_000).toISOString();
    await tx
      .insert(assessmentConsents)
      .values({ personId, instrumentCode: 'sas', textVersion: CONSENT_TEXT_VERSION, grantedAt: takenAt });
    await tx.insert(assessmentResults).values({
      personId,
      unitId: Number(p.unit_id),
      instrumentCode: 'sas',
      instrumentVersion: result.instrumentVersion,
      normVersion: result.normVersion,
      payload: sealResult(crypto, personId, { answers, result }),
      takenAt,
    });
  }
  return takers.length;
}
