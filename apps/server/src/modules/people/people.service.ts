import type { TPeopleQuery, TPersonInput, TPersonUpdate } from '@lifeline/shared';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { diffFields, writeAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../platform/authz/actor.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { keyset } from '../../platform/db/keyset.js';
import { escapeLike } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hasAccountSql } from '../auth/index.js';
import { findUnit, isDissolved, orgUnits } from '../org-units/index.js';
import { peopleHeadcounts } from './headcounts.table.js';
import { personPolicy } from './people.policy.js';
import type { PersonWithUnit } from './people.presenter.js';
import { ID_CARD_PURPOSE, idCardIndexes, personProblems, personValues } from './people.rules.js';
import { people } from './people.table.js';
import { assertPhoneFree, isPhoneClash, phoneInUse } from './phone-holders.js';

/** A person with their unit and whether they have an account (built per query: see hasAccountSql). */
const selection = () => ({
  person: people,
  unitName: orgUnits.name,
  unitPath: orgUnits.path,
  hasAccount: hasAccountSql(people.id),
});

function flatten(r: {
  person: typeof people.$inferSelect;
  unitName: string;
  unitPath: string;
  hasAccount: boolean;
}): PersonWithUnit {
  return { ...r.person, unitName: r.unitName, unitPath: r.unitPath, hasAccount: r.hasAccount };
}

/**
 * The WHERE of a people list: the caller's scope (in SQL, on the unit path), an optional unit
 * subtree, the search text and the filters. Shared by the list and the Excel export.
 */
export async function peopleWhere(
  db: Db,
  actor: Actor,
  q: Omit<TPeopleQuery, 'page' | 'pageSize'>,
  action: 'read' | 'export' = 'read',
): Promise<SQL> {
  const conditions: SQL[] = [personPolicy.scope(actor, action, orgUnits.path)];
  if (q.unitId) {
    const unit = await findUnit(db, q.unitId);
    personPolicy.authorize(actor, action, { unitPath: unit.path });
    conditions.push(sql`${orgUnits.path} like ${`${unit.path}%`}`);
  }
  if (q.q) {
    const text = q.q.trim().toLowerCase();
    const prefix = `${escapeLike(text)}%`;
    const alts: SQL[] = [];
    // Latin letters are pinyin (full or initials), read through their prefix indexes; anything
    // else may be part of a name. (A name searched anywhere in it cannot use an index.)
    if (/^[a-z]+$/.test(text))
      alts.push(sql`${people.namePinyin} like ${prefix}`, sql`${people.nameInitials} like ${prefix}`);
    else alts.push(sql`${people.name} like ${`%${escapeLike(q.q.trim())}%`}`);
    if (/^[a-z0-9-]+$/i.test(text)) alts.push(sql`lower(${people.employeeNo}) like ${prefix}`);
    if (/^\d{3,11}$/.test(text)) alts.push(sql`${people.phone} like ${prefix}`);
    conditions.push(sql`(${sql.join(alts, sql` or `)})`);
  }
  if (q.politicalStatus) conditions.push(eq(people.politicalStatus, q.politicalStatus));
  if (q.employmentStatus) conditions.push(eq(people.employmentStatus, q.employmentStatus));
  if (q.position) conditions.push(sql`${q.position} = any(${people.positions})`);
  return and(...conditions) as SQL;
}

/** A page of people in scope, sorted by the pinyin of their names. */
export async function listPeople(db: Db, actor: Actor, q: TPeopleQuery, action: 'read' | 'export' = 'read') {
  const where = await peopleWhere(db, actor, q, action);
  const [rows, total] = await Promise.all([
    db
      .select(selection())
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .where(where)
      .orderBy(asc(people.namePinyin), asc(people.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    q.q || q.position ? countPeople(db, where) : countByRollup(db, actor, q, action),
  ]);
  return { items: rows.map(flatten), total, page: q.page, pageSize: q.pageSize };
}

/**
 * A list's total without a count over the roster, when its filters are the unit and the
 * statuses the rollup keeps (people_headcounts): a sum over the units of the scope.
 */
async function countByRollup(
  db: Db,
  actor: Actor,
  q: Omit<TPeopleQuery, 'page' | 'pageSize'>,
  action: 'read' | 'export',
): Promise<number> {
  const conditions: SQL[] = [personPolicy.scope(actor, action, orgUnits.path)];
  if (q.unitId) {
    const unit = await findUnit(db, q.unitId);
    conditions.push(sql`${orgUnits.path} like ${`${unit.path}%`}`);
  }
  if (q.politicalStatus) conditions.push(eq(peopleHeadcounts.politicalStatus, q.politicalStatus));
  if (q.employmentStatus) conditions.push(eq(peopleHeadcounts.employmentStatus, q.employmentStatus));
  const [{ total }] = await db
    .select({ total: sql<number>`coalesce(sum(${peopleHeadcounts.people}), 0)::int` })
    .from(peopleHeadcounts)
    .innerJoin(orgUnits, eq(orgUnits.id, peopleHeadcounts.unitId))
    .where(and(...conditions));
  return total;
}

/** A person as an export writes them: their row and their unit's code. */
export type ExportedPerson = typeof people.$inferSelect & { unitCode: string };

/** How many people a list has (for an export's progress). */
export async function countPeople(db: Db, where: SQL): Promise<number> {
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(where);
  return total;
}

/**
 * The people of a list in pinyin order, read in one pass by keyset on (pinyin, id) — the index
 * the list sorts by — a batch at a time: what an export of 70,000 reads.
 */
export function readPeople(db: Db, where: SQL, batch = 1000): AsyncIterable<ExportedPerson[]> {
  return keyset<ExportedPerson, { pinyin: string; id: number }>(
    async (after, limit) =>
      (
        await db
          .select({ person: people, unitCode: orgUnits.code })
          .from(people)
          .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
          .where(
            after
              ? and(where, sql`(${people.namePinyin}, ${people.id}) > (${after.pinyin}, ${after.id})`)
              : where,
          )
          .orderBy(asc(people.namePinyin), asc(people.id))
          .limit(limit)
      ).map((r) => ({ ...r.person, unitCode: r.unitCode })),
    (last) => ({ pinyin: last.namePinyin, id: last.id }),
    batch,
  );
}

/** Loads a person with their unit, or 404. */
/** A person the caller may see, or 404. */
export async function getPerson(db: Db, actor: Actor, id: number): Promise<PersonWithUnit> {
  const person = await findPerson(db, id);
  personPolicy.authorize(actor, 'read', person);
  return person;
}

/** Loads a person with their unit, or answers 404 (no authorization: callers check). */
export async function findPerson(db: Db, id: number): Promise<PersonWithUnit> {
  const [row] = await db
    .select(selection())
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(eq(people.id, id));
  if (!row) throw notFound('Person');
  return flatten(row);
}

function assertValid(input: TPersonInput) {
  const problems = personProblems(input, shanghaiDate(new Date()));
  if (problems.length) {
    throw new AppError('validation_failed', problems[0].message, {
      issues: problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
    });
  }
}

/**
 * Refuses an employee number or ID card that another person holds (and a phone number another
 * holds as login name). `idCardHashes`: the number's blind index under every secret configured,
 * so that a person whose ID card was stored before a key rotation is still found.
 */
async function assertUnique(
  db: Db,
  values: { employeeNo: string; idCardHash?: string | null; phone?: string | null; employmentStatus: string },
  idCardHashes: string[],
  exceptId?: number,
) {
  const [byNo] = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.employeeNo, values.employeeNo));
  if (byNo && byNo.id !== exceptId) {
    throw new AppError('conflict', `Employee number ${values.employeeNo} is already used`, {
      field: 'employeeNo',
    });
  }
  if (values.idCardHash) {
    const hashes = [...new Set([values.idCardHash, ...idCardHashes])];
    const holders = await db.select({ id: people.id }).from(people).where(inArray(people.idCardHash, hashes));
    if (holders.some((h) => h.id !== exceptId)) {
      throw new AppError('conflict', 'Another person has this ID-card number', { field: 'idCard' });
    }
  }
  await assertPhoneFree(db, values, exceptId);
}

/** Two saves at once that both passed the check: the database's refusal, answered the same way. */
function phoneClashIsConflict(err: unknown): never {
  throw isPhoneClash(err) ? phoneInUse() : err;
}

/** Fields whose changes the audit trail records (the ID card only as changed, masked). */
export const AUDITED = [
  'employeeNo',
  'name',
  'gender',
  'birthDate',
  'idCardHash',
  'phone',
  'unitId',
  'politicalStatus',
  'partyJoinedOn',
  'partyFullMemberOn',
  'positions',
  'cadreRank',
  'education',
  'employmentStatus',
] as const;

/** Audit changes of a person; the ID card appears only as "changed", masked. */
export function personChanges(
  before: Partial<typeof people.$inferSelect> | null,
  after: Partial<typeof people.$inferSelect>,
) {
  const changes = diffFields(before, after, { fields: [...AUDITED], sensitive: ['idCardHash'] });
  if (changes.idCardHash) {
    changes.idCard = changes.idCardHash;
    delete changes.idCardHash;
  }
  return changes;
}

export async function createPerson(db: Db, crypto: FieldCrypto, actor: Actor, input: TPersonInput) {
  assertValid(input);
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    const grant = personPolicy.authorize(actor, 'create', { unitPath: unit.path });
    if (isDissolved(unit.dissolvedOn))
      throw new AppError('conflict', 'The unit is dissolved', { reason: 'unit_dissolved' });
    const values = personValues(input, crypto);
    await assertUnique(tx, values, idCardIndexes(crypto, input.idCard));
    const [row] = await tx.insert(people).values(values).returning().catch(phoneClashIsConflict);
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'person.create',
      recordType: 'person',
      recordId: row.id,
      unitId: row.unitId,
      changes: personChanges(null, row),
    });
    return row.id;
  });
}

export async function updatePerson(
  db: Db,
  crypto: FieldCrypto,
  actor: Actor,
  id: number,
  input: TPersonUpdate,
) {
  return db.transaction(async (tx) => {
    const current = await findPerson(tx, id);
    const grant = personPolicy.authorize(actor, 'update', current);
    const { version, ...changes } = input;
    const idCard =
      'idCard' in changes
        ? changes.idCard
        : current.idCardEnc
          ? crypto.decrypt(current.idCardEnc, ID_CARD_PURPOSE)
          : null;
    const merged: TPersonInput = {
      employeeNo: current.employeeNo,
      name: current.name,
      gender: current.gender as TPersonInput['gender'],
      birthDate: current.birthDate,
      phone: current.phone,
      unitId: current.unitId,
      politicalStatus: current.politicalStatus as TPersonInput['politicalStatus'],
      partyJoinedOn: current.partyJoinedOn,
      partyFullMemberOn: current.partyFullMemberOn,
      positions: current.positions as TPersonInput['positions'],
      cadreRank: current.cadreRank as TPersonInput['cadreRank'],
      education: current.education as TPersonInput['education'],
      employmentStatus: current.employmentStatus as TPersonInput['employmentStatus'],
      ...changes,
      idCard,
    };
    assertValid(merged);
    if (merged.unitId !== current.unitId) {
      const target = await findUnit(tx, merged.unitId);
      personPolicy.authorize(actor, 'create', { unitPath: target.path });
      if (isDissolved(target.dissolvedOn))
        throw new AppError('conflict', 'The unit is dissolved', { reason: 'unit_dissolved' });
    }
    const values = personValues(merged, crypto, current);
    if (!('idCard' in changes)) {
      // Keep the stored ciphertext when the number did not change.
      values.idCardEnc = current.idCardEnc;
    }
    await assertUnique(tx, values, idCardIndexes(crypto, merged.idCard), id);
    const [row] = await tx
      .update(people)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${people.version} + 1` })
      .where(and(eq(people.id, id), eq(people.version, version)))
      .returning()
      .catch(phoneClashIsConflict);
    if (!row) {
      throw new AppError('conflict', 'The person was changed by someone else; reload and try again', {
        currentVersion: current.version,
      });
    }
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'person.update',
      recordType: 'person',
      recordId: id,
      unitId: row.unitId,
      changes: personChanges(current, row),
    });
    return id;
  });
}

/** The full ID-card number, for roles that need it; every read is audited. */
export async function readIdCard(
  db: Db,
  crypto: FieldCrypto,
  actor: Actor,
  id: number,
): Promise<string | null> {
  const person = await findPerson(db, id);
  const grant = personPolicy.authorize(actor, 'readIdCard', person);
  await writeAudit(db, auditActor(actor, grant), {
    action: 'person.id_card_read',
    recordType: 'person',
    recordId: id,
    unitId: person.unitId,
  });
  return person.idCardEnc ? crypto.decrypt(person.idCardEnc, ID_CARD_PURPOSE) : null;
}
