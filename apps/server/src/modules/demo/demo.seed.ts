import type { TRole } from '@lifeline/shared';
import { inArray, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR, writeAudit } from '../../platform/audit/audit.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryOne } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { pinyinKey } from '../../platform/text/pinyin.js';
import { accounts } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { personValues } from '../people/people.rules.js';
import { people } from '../people/people.table.js';
import { roleAssignments } from '../roles/roles.table.js';
import {
  DEMO_SCALE,
  type DemoPerson,
  type DemoScale,
  type DemoUnit,
  demoPeople,
  demoUnits,
} from './demo-data.js';
import { seedDemoHotline } from './demo-hotline.js';
import { seedDemoInnovation } from './demo-innovation.js';
import { seedDemoWellbeing } from './demo-wellbeing.js';

/** The demo-only password of every demo account (printed in the README; never for real use). */
export const DEMO_PASSWORD = 'Lifeline@2026';

/** The demo accounts that the innovation history refers to, by login. */
async function demoRoleHolders(tx: Db, units: DemoUnit[]) {
  const rows = await tx
    .select({ id: people.id, no: people.employeeNo })
    .from(people)
    .where(inArray(people.employeeNo, ['secretariat', 'leader', 'expert']));
  const id = (no: string) => rows.find((r) => r.no === no)!.id;
  return { units, secretariatId: id('secretariat'), leaderId: id('leader'), expertId: id('expert') };
}

type DemoAccount = {
  login: string;
  name: string;
  gender: 'male' | 'female';
  role: TRole | null;
  roleUnit: string;
  homeUnit: string;
};

/** The demo accounts: their login is their employee number. Unit codes refer to `demoUnits`. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { login: 'admin', name: '周明远', gender: 'male', role: 'sysadmin', roleUnit: 'G', homeUnit: 'G-DQ' },
  {
    login: 'unitadmin',
    name: '沈丽华',
    gender: 'female',
    role: 'unit_admin',
    roleUnit: 'S1',
    homeUnit: 'S1-W1-B1',
  },
  {
    login: 'secretary',
    name: '高建国',
    gender: 'male',
    role: 'branch_secretary',
    roleUnit: 'S1-W1-B1',
    homeUnit: 'S1-W1-B1',
  },
  {
    login: 'secretariat',
    name: '许文静',
    gender: 'female',
    role: 'secretariat',
    roleUnit: 'G',
    homeUnit: 'G-ZY',
  },
  { login: 'leader', name: '郑国强', gender: 'male', role: 'leader', roleUnit: 'G', homeUnit: 'G-DQ' },
  { login: 'expert', name: '罗志诚', gender: 'male', role: 'expert', roleUnit: 'G', homeUnit: 'G-ZY' },
  { login: 'coach', name: '林晓梅', gender: 'female', role: 'coach', roleUnit: 'G', homeUnit: 'G-GH' },
  {
    login: 'hotline',
    name: '孙慧敏',
    gender: 'female',
    role: 'hotline_office',
    roleUnit: 'G',
    homeUnit: 'G-GH',
  },
  /** 三员分立: the security administrator (accounts, roles) and the audit administrator. */
  {
    login: 'security',
    name: '韩立新',
    gender: 'male',
    role: 'security_admin',
    roleUnit: 'G',
    homeUnit: 'G-DQ',
  },
  { login: 'auditor', name: '冯雅琴', gender: 'female', role: 'auditor', roleUnit: 'G', homeUnit: 'G-DQ' },
  { login: 'employee', name: '王小军', gender: 'male', role: null, roleUnit: 'G', homeUnit: 'S2-W1-B1' },
];

/** True when the database holds no organisation yet (a fresh installation). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from org_units`);
  return row?.n === 0;
}

/**
 * Loads the fictional demo group into an empty database: units, people, the demo accounts
 * with their roles. Deterministic; refuses a database that already has an organisation.
 */
export async function seedDemo(
  db: Db,
  crypto: FieldCrypto,
  options: { scale?: DemoScale; accounts?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ units: number; people: number; accounts: number }> {
  const scale = options.scale ?? DEMO_SCALE;
  if (!(await isEmpty(db)))
    throw new AppError(
      'conflict',
      'The database already has an organisation; demo data goes only into an empty one',
    );
  const units = demoUnits(scale);
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<number, string>();
  const depths = new Map<number, number>();
  for (const u of units) {
    const parentPath = u.parentId ? paths.get(u.parentId)! : '/';
    paths.set(u.id, `${parentPath}${u.id}/`);
    depths.set(u.id, u.parentId ? depths.get(u.parentId)! + 1 : 0);
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  const list = demoPeople(units, scale.people);
  const hash = options.accounts === false ? '' : await hashPassword(DEMO_PASSWORD);
  const values = list.map((p: DemoPerson) => personValues(p, crypto));

  await db.transaction(async (tx) => {
    for (let i = 0; i < units.length; i += 1000) {
      await tx.insert(orgUnits).values(
        units.slice(i, i + 1000).map((u) => ({
          id: u.id,
          parentId: u.parentId,
          path: paths.get(u.id)!,
          depth: depths.get(u.id)!,
          name: u.name,
          code: u.code,
          type: u.type,
          sortOrder: u.sortOrder,
          namePinyin: pinyinKey(u.name, false),
          establishedOn: '2001-07-01',
        })),
      );
    }
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('org_units', 'id'), (select max(id) from org_units))`,
    );
    for (let i = 0; i < values.length; i += 1000) {
      await tx.insert(people).values(values.slice(i, i + 1000));
      options.onProgress?.(Math.min(i + 1000, values.length), values.length);
    }
    let made = 0;
    if (options.accounts !== false) {
      for (const a of DEMO_ACCOUNTS) {
        const home = byCode.get(a.homeUnit) ?? byId.get(1)!;
        const [person] = await tx
          .insert(people)
          .values(
            personValues(
              {
                employeeNo: a.login,
                name: a.name,
                gender: a.gender,
                unitId: home.id,
                politicalStatus: a.login === 'employee' ? 'masses' : 'party_member',
                partyJoinedOn: a.login === 'employee' ? null : '2005-07-01',
                partyFullMemberOn: a.login === 'employee' ? null : '2006-07-01',
                positions:
                  a.login === 'secretary'
                    ? ['secretary']
                    : a.role === 'unit_admin'
                      ? ['political_cadre']
                      : [],
                employmentStatus: 'active',
              },
              crypto,
            ),
          )
          .returning();
        await tx
          .insert(accounts)
          .values({ personId: person.id, passwordHash: hash, mustChangePassword: false });
        if (a.role) {
          const unit = byCode.get(a.roleUnit)!;
          await tx.insert(roleAssignments).values({ personId: person.id, role: a.role, unitId: unit.id });
        }
        made += 1;
      }
    }
    const innovation =
      options.accounts === false ? 0 : await seedDemoInnovation(tx, await demoRoleHolders(tx, units));
    const wellbeing =
      options.accounts === false
        ? 0
        : await seedDemoWellbeing(tx, crypto, {
            coachId: (
              await tx
                .select({ id: people.id })
                .from(people)
                .where(inArray(people.employeeNo, ['coach']))
            )[0].id,
            groupUnitId: byCode.get('G')!.id,
          });
    const hotline = options.accounts === false ? 0 : await seedDemoHotline(tx, crypto, { units, scale });
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: 'demo.seed',
      recordType: 'installation',
      details: {
        units: units.length,
        people: values.length,
        accounts: made,
        innovation,
        wellbeing,
        hotline,
        demo: true,
      },
    });
  });
  return {
    units: units.length,
    people: values.length + (options.accounts === false ? 0 : DEMO_ACCOUNTS.length),
    accounts: options.accounts === false ? 0 : DEMO_ACCOUNTS.length,
  };
}
