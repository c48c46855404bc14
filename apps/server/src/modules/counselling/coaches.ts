import type { TAvailabilityInput, TCoachProfile, TCoachProfileInput } from '@lifeline/shared';
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, writeAudit } from '../../platform/audit/audit.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { FILE_KINDS, getFile, type StoredFile, saveFile } from '../../platform/files/files.service.js';
import { holdsRoleSql } from '../roles/index.js';
import { coachProfiles } from './counselling.table.js';

/**
 * People who hold the coach or volunteer role today (Beijing's date; an ended assignment no longer
 * counts) on a unit whose subtree covers the employee's unit: the team that serves them.
 */
const servesUnit = (unitPath: string) => holdsRoleSql(sql`p.id`, ['coach', 'volunteer'], unitPath);

type Row = {
  person_id: string;
  name: string;
  unit_name: string;
  kind: string | null;
  specialities: string[] | null;
  languages: string[] | null;
  bio: string | null;
  active: boolean | null;
  photo_file_id: string | null;
  availability: TCoachProfile['availability'] | null;
  version: number | null;
};

function present(r: Row): TCoachProfile {
  return {
    personId: Number(r.person_id),
    name: r.name,
    kind: (r.kind ?? 'coach') as TCoachProfile['kind'],
    unitName: r.unit_name,
    specialities: r.specialities ?? [],
    languages: r.languages ?? ['中文'],
    bio: r.bio ?? '',
    hasPhoto: !!r.photo_file_id,
    active: r.active ?? false,
    availability: r.availability ?? [],
    version: r.version ?? 0,
  };
}

const SELECT = sql`select p.id as person_id, p.name, u.name as unit_name, c.kind, c.specialities, c.languages,
    c.bio, c.active, c.photo_file_id, c.availability, c.version
  from people p join org_units u on u.id = p.unit_id left join coach_profiles c on c.person_id = p.id`;

/**
 * The coach team as an employee sees it: active profiles of people who hold the role over the
 * employee's unit, in pinyin order.
 */
export async function listCoaches(db: Db, forUnitPath: string): Promise<TCoachProfile[]> {
  const rows = await queryRows<Row>(
    db,
    sql`${SELECT} where c.active and ${servesUnit(forUnitPath)} order by c.kind, p.name_pinyin, p.id`,
  );
  return rows.map(present);
}

/** An active coach serving the employee's unit, who may receive their requests and shares, or null. */
export async function activeCoach(
  db: Db,
  personId: number,
  forUnitPath: string,
): Promise<{ personId: number; name: string } | null> {
  const [row] = await queryRows<Row>(
    db,
    sql`${SELECT} where p.id = ${personId} and c.active and ${servesUnit(forUnitPath)}`,
  );
  return row ? { personId: Number(row.person_id), name: row.name } : null;
}

/** The caller's own profile; before the first save, an empty one at version 0. */
export async function myProfile(db: Db, personId: number): Promise<TCoachProfile> {
  const [row] = await queryRows<Row>(db, sql`${SELECT} where p.id = ${personId}`);
  if (!row) throw notFound('Person');
  return present(row);
}

async function save(
  db: Db,
  actor: Actor & { personId: number },
  version: number,
  values: Partial<typeof coachProfiles.$inferInsert>,
  action: string,
): Promise<TCoachProfile> {
  await db.transaction(async (tx) => {
    const before = await myProfile(tx, actor.personId);
    if (before.version !== version) {
      throw new AppError('conflict', 'Your profile was changed elsewhere; reload it', {
        currentVersion: before.version,
      });
    }
    if (version === 0) {
      await tx.insert(coachProfiles).values({
        personId: actor.personId,
        kind: 'coach',
        specialities: [],
        languages: ['中文'],
        availability: [],
        ...values,
      });
    } else {
      const done = await tx
        .update(coachProfiles)
        .set({ ...values, version: sql`${coachProfiles.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(coachProfiles.personId, actor.personId), eq(coachProfiles.version, version)))
        .returning({ v: coachProfiles.version });
      if (!done.length) throw new AppError('conflict', 'Your profile was changed elsewhere; reload it');
    }
    await writeAudit(tx, actor, {
      action,
      recordType: 'coach_profile',
      recordId: actor.personId,
      details: { fields: Object.keys(values) },
    });
  });
  return myProfile(db, actor.personId);
}

export function saveProfile(db: Db, actor: Actor & { personId: number }, input: TCoachProfileInput) {
  const { version, ...values } = input;
  return save(db, actor, version, values, 'coach_profile.update');
}

export function saveAvailability(db: Db, actor: Actor & { personId: number }, input: TAvailabilityInput) {
  const slots = [...input.slots].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  return save(db, actor, input.version, { availability: slots }, 'coach_profile.availability');
}

/** Replaces the caller's photo (an image, checked by its content, at most 2 MB). */
export async function savePhoto(
  db: Db,
  files: FileStore,
  actor: Actor & { personId: number },
  upload: { bytes: Buffer; filename: string },
): Promise<TCoachProfile> {
  const current = await myProfile(db, actor.personId);
  const file = await saveFile(db, files, {
    ...upload,
    allowed: FILE_KINDS.image,
    maxBytes: 2 * 1024 * 1024,
    createdBy: actor.personId,
  });
  return save(db, actor, current.version, { photoFileId: file.id }, 'coach_profile.photo');
}

/**
 * The photo of a coach the caller is offered (active, serving the caller's unit), or the
 * caller's own: anyone else's answers 404, like a coach who is not in the caller's list.
 */
export async function coachPhoto(
  db: Db,
  caller: { personId: number; unitPath: string },
  personId: number,
): Promise<StoredFile> {
  if (personId !== caller.personId && !(await activeCoach(db, personId, caller.unitPath)))
    throw notFound('Photo');
  const [row] = await db
    .select({ fileId: coachProfiles.photoFileId })
    .from(coachProfiles)
    .where(eq(coachProfiles.personId, personId));
  if (!row?.fileId) throw notFound('Photo');
  return getFile(db, row.fileId);
}
