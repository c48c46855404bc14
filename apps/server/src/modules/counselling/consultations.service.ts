import {
  CONSULTATION_ACTIONS,
  CONSULTATION_TRANSITIONS,
  type TCaseNote,
  type TConsultation,
  type TConsultationAction,
  type TConsultationInput,
  type TConsultationState,
} from '@lifeline/shared';
import { and, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.js';
import { type Actor as AuthActor, auditActor } from '../../platform/authz/actor.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { notify } from '../../platform/notifications/notify.js';
import { orgUnits } from '../org-units/index.js';
import { people } from '../people/index.js';
import { activeCoach, listCoaches } from './coaches.js';
import {
  type ConsultationRecord,
  coachingPolicy,
  consultationPolicy as policy,
} from './consultations.policy.js';
import { consultationNotes, consultations } from './counselling.table.js';

type Row = typeof consultations.$inferSelect;
type Words = { message: string; preferredTimes: string };

const wordsContext = (employeeId: number) => `consultation:${employeeId}`;

/** Encrypts an employee's words for a request row (also used by the demo data). */
export function sealWords(crypto: FieldCrypto, employeeId: number, words: Words): string {
  return crypto.encrypt(JSON.stringify(words), wordsContext(employeeId));
}
const noteContext = (caseId: number, coachId: number) => `case_note:${caseId}:${coachId}`;

/** An employee's words encrypted again under the current key (key rotation), still bound to them. */
export const resealWords = (crypto: FieldCrypto, employeeId: number, enc: string) =>
  crypto.encrypt(crypto.decrypt(enc, wordsContext(employeeId)), wordsContext(employeeId));

/** A coach's note encrypted again under the current key (key rotation), still bound to case and coach. */
export const resealNote = (crypto: FieldCrypto, caseId: number, coachId: number, enc: string) =>
  crypto.encrypt(crypto.decrypt(enc, noteContext(caseId, coachId)), noteContext(caseId, coachId));

/** A request with its employee's unit path: what the policy needs. */
type Loaded = Row & { employeeUnitPath: string };

const recordOf = (r: Loaded): ConsultationRecord => ({
  employeePersonId: r.employeePersonId,
  employeeUnitPath: r.employeeUnitPath,
  coachPersonId: r.coachPersonId,
  state: r.state as TConsultationState,
});

/** Requests joined with their employee's unit (the caller adds the condition). */
function selectLoaded(db: Db) {
  return db
    .select({ c: consultations, employeeUnitPath: orgUnits.path })
    .from(consultations)
    .innerJoin(people, eq(people.id, consultations.employeePersonId))
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId));
}
const flatten = (r: { c: Row; employeeUnitPath: string }): Loaded => ({
  ...r.c,
  employeeUnitPath: r.employeeUnitPath,
});

async function present(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  rows: Loaded[],
): Promise<TConsultation[]> {
  if (!rows.length) return [];
  const ids = [...new Set(rows.flatMap((r) => [r.employeePersonId, r.coachPersonId ?? r.employeePersonId]))];
  const names = new Map(
    (
      await db
        .select({ id: people.id, name: people.name, phone: people.phone })
        .from(people)
        .where(inArray(people.id, ids))
    ).map((p) => [p.id, p]),
  );
  return rows.map((r) => {
    const words = JSON.parse(crypto.decrypt(r.messageEnc, wordsContext(r.employeePersonId))) as Words;
    const employee = names.get(r.employeePersonId);
    return {
      id: r.id,
      state: r.state as TConsultationState,
      employee: {
        personId: r.employeePersonId,
        name: employee?.name ?? '',
        phone: r.contact === 'phone' ? (employee?.phone ?? null) : null,
      },
      coach: r.coachPersonId
        ? { personId: r.coachPersonId, name: names.get(r.coachPersonId)?.name ?? '' }
        : null,
      message: words.message,
      preferredTimes: words.preferredTimes,
      contact: r.contact as TConsultation['contact'],
      bookedFor: r.bookedFor,
      place: r.place,
      reason: r.reason,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
      abilities: policy.abilities(actor, recordOf(r), CONSULTATION_ACTIONS),
    };
  });
}

/** A request the caller takes part in (as the employee, its coach, or a coach of its team), or 404. */
async function loadVisible(db: Db, actor: AuthActor, id: number, lock = false): Promise<Loaded> {
  const q = selectLoaded(db).where(eq(consultations.id, id));
  const [found] = lock ? await q.for('update', { of: consultations }) : await q;
  if (!found) throw notFound('Consultation');
  const row = flatten(found);
  policy.authorize(actor, 'read', recordOf(row));
  return row;
}

/** Requests by id, with their employee's unit, in the order given. */
async function loadMany(db: Db, where: SQL | undefined, limit = 500): Promise<Loaded[]> {
  return (await selectLoaded(db).where(where).orderBy(desc(consultations.id)).limit(limit)).map(flatten);
}

/**
 * One-click consultation (一键式咨询): `{}` is a whole request, to the coach team. The employee's
 * words are encrypted; the coach (or, for the team, every active coach) is notified without them.
 */
export async function requestConsultation(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  input: TConsultationInput,
): Promise<TConsultation> {
  let coachId: number | null = null;
  if (input.coachPersonId !== null) {
    const coach = await activeCoach(db, input.coachPersonId, actor.unitPath);
    if (!coach || coach.personId === actor.personId) {
      const message = 'Choose one of the coaches listed, or ask the team';
      throw new AppError('validation_failed', message, { issues: [{ path: 'body.coachPersonId', message }] });
    }
    coachId = coach.personId;
  }
  const recipients = coachId
    ? [coachId]
    : (await listCoaches(db, actor.unitPath)).map((c) => c.personId).filter((id) => id !== actor.personId);
  const row = await db.transaction(async (tx) => {
    const words: Words = { message: input.message, preferredTimes: input.preferredTimes };
    const [created] = await tx
      .insert(consultations)
      .values({
        employeePersonId: actor.personId,
        coachPersonId: coachId,
        state: 'requested',
        messageEnc: sealWords(crypto, actor.personId, words),
        contact: input.contact,
      })
      .returning();
    await writeAudit(tx, auditActor(actor), {
      action: 'consultation.request',
      recordType: 'consultation',
      recordId: created.id,
      details: { toTeam: coachId === null },
    });
    await notify(tx, recipients, {
      kind: 'counselling.requested',
      params: { id: created.id },
      link: `/m/counselling/requests/${created.id}`,
    });
    return created;
  });
  return (await present(db, crypto, actor, [{ ...row, employeeUnitPath: actor.unitPath }]))[0];
}

/** The caller's own requests, newest first. */
export async function myConsultations(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
): Promise<TConsultation[]> {
  const rows = await loadMany(db, eq(consultations.employeePersonId, actor.personId), 1000);
  return present(db, crypto, actor, rows);
}

/**
 * A coach's inbox: requests assigned to them, and requests open to the team from employees of
 * the units their coach role covers (not their own).
 */
export async function coachInbox(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  state?: TConsultationState,
): Promise<TConsultation[]> {
  coachingPolicy.authorize(actor, 'coach', {});
  const rows = await loadMany(
    db,
    and(
      or(
        eq(consultations.coachPersonId, actor.personId),
        and(
          isNull(consultations.coachPersonId),
          eq(consultations.state, 'requested'),
          policy.scope(actor, 'takeFromTeam', orgUnits.path),
        ),
      ),
      sql`${consultations.employeePersonId} <> ${actor.personId}`,
      state ? eq(consultations.state, state) : undefined,
    ),
  );
  return present(db, crypto, actor, rows);
}

export async function readConsultation(db: Db, crypto: FieldCrypto, actor: AuthActor, id: number) {
  const row = await loadVisible(db, actor, id);
  return (await present(db, crypto, actor, [row]))[0];
}

type ActionInput =
  | { action: 'book'; startsAt: string; place: string; version: number }
  | { action: 'decline'; reason: string; version: number }
  | { action: 'cancel' | 'close'; version: number };

const NOTICE: Record<TConsultationAction, string> = {
  book: 'counselling.booked',
  decline: 'counselling.declined',
  close: 'counselling.closed',
  cancel: 'counselling.cancelled',
};

/**
 * Moves a request along the table: version first (one of two coaches taking the same request
 * wins, the other gets `conflict`), then the table and the caller's part, then the change, its
 * audit row and the other party's notice in one transaction.
 */
export async function actOnConsultation(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  id: number,
  input: ActionInput,
): Promise<TConsultation> {
  const updated = await db.transaction(async (tx) => {
    const row = await loadVisible(tx, actor, id);
    if (row.version !== input.version) {
      throw new AppError('conflict', 'This request was changed meanwhile; reload it', {
        currentVersion: row.version,
      });
    }
    const t = CONSULTATION_TRANSITIONS[input.action];
    policy.authorize(actor, input.action, recordOf(row));
    const party = t.by;
    const set: Partial<typeof consultations.$inferInsert> = { state: t.to };
    if (input.action === 'book') {
      if (new Date(input.startsAt).getTime() < Date.now() - 60_000) {
        const message = 'Book a time in the future';
        throw new AppError('validation_failed', message, { issues: [{ path: 'body.startsAt', message }] });
      }
      set.coachPersonId = actor.personId;
      set.bookedFor = new Date(input.startsAt).toISOString();
      set.place = input.place;
    }
    if (input.action === 'decline') set.reason = input.reason;
    if (input.action === 'close') set.closedAt = new Date().toISOString();
    const [next] = await tx
      .update(consultations)
      .set({ ...set, version: sql`${consultations.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(consultations.id, id), eq(consultations.version, input.version)))
      .returning();
    if (!next) throw new AppError('conflict', 'This request was changed meanwhile; reload it');
    await writeAudit(tx, auditActor(actor), {
      action: `consultation.${input.action}`,
      recordType: 'consultation',
      recordId: id,
      changes: { state: { before: row.state, after: t.to } },
    });
    const other = party === 'employee' ? next.coachPersonId : next.employeePersonId;
    await notify(tx, [other], {
      kind: NOTICE[input.action],
      params: { id, name: party === 'coach' ? actor.name : null },
      link: `/m/counselling/requests/${id}`,
    });
    return { ...next, employeeUnitPath: row.employeeUnitPath };
  });
  return (await present(db, crypto, actor, [updated]))[0];
}

/** The assigned coach's notes on a case; nobody else, not even another coach, gets them (404). */
async function assignedCase(db: Db, actor: AuthActor, id: number): Promise<Loaded> {
  const [found] = await selectLoaded(db).where(eq(consultations.id, id));
  if (!found) throw notFound('Consultation');
  const row = flatten(found);
  policy.authorize(actor, 'notes', recordOf(row));
  return row;
}

export async function caseNotes(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  id: number,
): Promise<TCaseNote[]> {
  await assignedCase(db, actor, id);
  const rows = await db
    .select()
    .from(consultationNotes)
    .where(and(eq(consultationNotes.consultationId, id), eq(consultationNotes.coachPersonId, actor.personId)))
    .orderBy(consultationNotes.id);
  return rows.map((n) => ({
    id: n.id,
    text: crypto.decrypt(n.bodyEnc, noteContext(id, actor.personId)),
    createdAt: n.createdAt,
  }));
}

export async function addCaseNote(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  id: number,
  text: string,
): Promise<TCaseNote> {
  await assignedCase(db, actor, id);
  return db.transaction(async (tx) => {
    const [n] = await tx
      .insert(consultationNotes)
      .values({
        consultationId: id,
        coachPersonId: actor.personId,
        bodyEnc: crypto.encrypt(text, noteContext(id, actor.personId)),
      })
      .returning();
    await writeAudit(tx, auditActor(actor), {
      action: 'consultation.note',
      recordType: 'consultation',
      recordId: id,
    });
    return { id: n.id, text, createdAt: n.createdAt };
  });
}
