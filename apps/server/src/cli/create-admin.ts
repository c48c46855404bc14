import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { passwordProblems } from '@lifeline/shared';
import { eq, isNull } from 'drizzle-orm';
import { accounts } from '../modules/auth/auth.table.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { orgUnits } from '../modules/org-units/org-units.table.js';
import { personValues } from '../modules/people/people.rules.js';
import { people } from '../modules/people/people.table.js';
import { roleAssignments } from '../modules/roles/roles.table.js';
import { SYSTEM_ACTOR, writeAudit } from '../platform/audit/audit.js';
import { ConfigError } from '../platform/config.js';
import { pinyinKey } from '../platform/text/pinyin.js';
import type { CliContext } from './with-database.js';

async function askPassword(): Promise<string> {
  if (process.env.LIFELINE_ADMIN_PASSWORD) return process.env.LIFELINE_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new ConfigError('Set LIFELINE_ADMIN_PASSWORD (no terminal to ask on)');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password for the new administrator: ');
  } finally {
    rl.close();
  }
}

/**
 * Creates the first system administrator: a person at the top unit (created with --org-name
 * when the organisation is still empty), an account, and the sysadmin role on the top unit.
 */
export async function createAdmin({ database, crypto }: CliContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      phone: { type: 'string' },
      'org-name': { type: 'string' },
    },
  });
  if (!values.login || !values.name)
    throw new ConfigError(
      'Usage: lifeline create-admin --login <employee no> --name <name> [--org-name <top unit>]',
    );
  const db = database.db;
  const [existing] = await db.select().from(people).where(eq(people.employeeNo, values.login));
  if (existing)
    throw new ConfigError(
      `Employee number ${values.login} already exists; assign the role in the web app instead`,
    );
  const password = await askPassword();
  const problems = passwordProblems(password, [values.login, values.phone ?? '']);
  if (problems.length)
    throw new ConfigError(
      `The password is too weak (${problems.join(', ')}): at least 10 characters with three of lower, upper, digit, symbol`,
    );
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    let [top] = await tx.select().from(orgUnits).where(isNull(orgUnits.parentId)).limit(1);
    if (!top) {
      if (!values['org-name'])
        throw new ConfigError(
          'The organisation is empty: give --org-name for the top unit (e.g. "XX集团党委")',
        );
      [top] = await tx
        .insert(orgUnits)
        .values({
          path: '/pending/',
          depth: 0,
          name: values['org-name'],
          code: 'G',
          type: 'group_party_committee',
          namePinyin: pinyinKey(values['org-name'], false),
        })
        .returning();
      [top] = await tx
        .update(orgUnits)
        .set({ path: `/${top.id}/` })
        .where(eq(orgUnits.id, top.id))
        .returning();
    }
    const [person] = await tx
      .insert(people)
      .values(
        personValues(
          {
            employeeNo: values.login!,
            name: values.name!,
            gender: 'male',
            phone: values.phone ?? null,
            unitId: top.id,
            politicalStatus: 'masses',
            positions: [],
            employmentStatus: 'active',
          },
          crypto,
        ),
      )
      .returning();
    const [account] = await tx
      .insert(accounts)
      .values({ personId: person.id, passwordHash: hash, mustChangePassword: false })
      .returning();
    await tx.insert(roleAssignments).values({ personId: person.id, role: 'sysadmin', unitId: top.id });
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: 'account.create_admin',
      recordType: 'account',
      recordId: account.id,
      unitId: top.id,
      details: { personId: person.id },
    });
  });
  console.log(
    `Administrator ${values.login} created. Log in with the employee number ${values.login}; check the person's gender and details in the web app.`,
  );
  return 0;
}
