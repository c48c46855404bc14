import { createHash, randomInt } from 'node:crypto';
import {
  HOTLINE_MAX_PHOTO_BYTES,
  HOTLINE_MAX_PHOTOS,
  type THotlineFiled,
  type THotlineItemInput,
} from '@lifeline/shared';
import { type Actor as AuditActor, writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import { loadWorkCalendar } from '../../../platform/calendar/calendar.service.js';
import { shanghaiDate } from '../../../platform/calendar/work-calendar.js';
import { AppError } from '../../../platform/errors.js';
import { FILE_KINDS, saveFile, sniffType } from '../../../platform/files/files.service.js';
import { MalformedImageError, stripImageMetadata } from '../../../platform/files/image-sanitize.js';
import type { AppContext } from '../../../platform/http/request-context.js';
import { notify } from '../../../platform/notifications/notify.js';
import { assertStands } from '../../org-units/index.js';
import { notifySafetyContact, tellUnitChannels } from '../channels.js';
import { handlersOf, reporterContext } from '../hotline.people.js';
import { hotlineItems, hotlinePhotos } from '../hotline.table.js';
import { categoryOf, hotlineConfig } from '../settings/hotline-settings.js';
import { routeItem } from '../settings/routing.js';
import { computeDeadlines } from '../sla/deadlines.js';
import { reportMissingYear, scheduleSla } from '../sla/sla.jobs.js';
import { applyRollupFor, unitRow } from './item-rows.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const pick = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A tracking code such as KX261123-7QH4M: the day it arrived and five random letters. */
const newCode = (now: Date) => `KX${shanghaiDate(now).slice(2).replaceAll('-', '')}-${pick(5)}`;

/** The hash under which an anonymous item's secret is kept (the secret itself is shown once). */
export const secretHash = (secret: string) => createHash('sha256').update(`hotline:${secret}`).digest('hex');

/**
 * Who the audit trail says filed it: the person for a named item; for confidential and
 * anonymous items nobody (no person, no address), so that not even the trail links them.
 */
function filingActor(actor: Actor, visibility: THotlineItemInput['visibility']): AuditActor {
  return visibility === 'named'
    ? auditActor(actor)
    : { personId: null, role: 'reporter', ip: null, requestId: null };
}

export type Upload = { bytes: Buffer; filename: string };

/** Checks a photo by its content and removes its metadata (location above all). */
async function cleanPhoto(upload: Upload, n: number): Promise<Upload & { mime: string }> {
  if (upload.bytes.length > HOTLINE_MAX_PHOTO_BYTES) {
    throw new AppError('payload_too_large', `Photo ${n} is larger than 8 MB`, { photo: n });
  }
  const mime = await sniffType(upload.bytes, FILE_KINDS.image);
  try {
    return { bytes: stripImageMetadata(upload.bytes, mime), filename: `photo-${n}`, mime };
  } catch (err) {
    if (!(err instanceof MalformedImageError)) throw err;
    const message = `Photo ${n} is not a readable image`;
    throw new AppError('validation_failed', message, { issues: [{ path: `photo.${n}`, message }] });
  }
}

/**
 * Files a problem: routes it (category × unit line → handling unit, else the office), sets its
 * deadlines from the official calendar, keeps the reporter as the visibility says, stores the
 * photos without metadata, and tells the handlers (and for a safety hazard, the safety contact)
 * in the same transaction. A year the calendar lacks leaves the deadlines open and tells the
 * administrators; the employee's item is never refused for it.
 */
export async function fileItem(
  ctx: Pick<AppContext, 'database' | 'crypto' | 'files'>,
  actor: Actor,
  input: THotlineItemInput,
  uploads: Upload[],
): Promise<THotlineFiled> {
  const db = ctx.database.db;
  const config = await hotlineConfig(db);
  const category = categoryOf(config, input.category);
  if (uploads.length > HOTLINE_MAX_PHOTOS) {
    const message = `At most ${HOTLINE_MAX_PHOTOS} photos`;
    throw new AppError('validation_failed', message, { issues: [{ path: 'photo', message }] });
  }
  const unit = await unitRow(db, input.unitId ?? actor.unitId).catch(() => {
    const message = 'Unknown unit';
    throw new AppError('validation_failed', message, { issues: [{ path: 'body.unitId', message }] });
  });
  assertStands(unit, 'body.unitId');
  const photos: (Upload & { mime: string })[] = [];
  for (const [i, u] of uploads.entries()) photos.push(await cleanPhoto(u, i + 1));
  const handlingUnitId = await routeItem(db, config, unit.path, category.code);
  const now = new Date();
  const deadlines = computeDeadlines(
    await loadWorkCalendar(db),
    now,
    input.urgency,
    category.answerDays,
    config.immediateHours,
  );
  const code = newCode(now);
  const secret = input.visibility === 'anonymous' ? pick(24) : null;
  const named = input.visibility === 'named';

  const item = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(hotlineItems)
      .values({
        code,
        category: category.code,
        urgency: input.urgency,
        visibility: input.visibility,
        state: 'submitted',
        unitId: unit.id,
        handlingUnitId,
        title: input.title,
        description: input.description,
        reporterPersonId: named ? actor.personId : null,
        reporterEnc:
          input.visibility === 'confidential'
            ? ctx.crypto.encrypt(String(actor.personId), reporterContext(code))
            : null,
        reporterIndex:
          input.visibility === 'confidential'
            ? ctx.crypto.blindIndex(String(actor.personId), 'hotline_reporter')
            : null,
        secretHash: secret ? secretHash(secret) : null,
        publishConsent: input.publishConsent,
        clockFrom: now.toISOString(),
        acceptDue: deadlines.acceptDue?.toISOString() ?? null,
        answerDue: deadlines.answerDue?.toISOString() ?? null,
        calendarMissingYear: deadlines.calendarMissingYear,
      })
      .returning();
    for (const [i, p] of photos.entries()) {
      const file = await saveFile(tx, ctx.files, {
        bytes: p.bytes,
        filename: p.filename,
        allowed: FILE_KINDS.image,
        maxBytes: HOTLINE_MAX_PHOTO_BYTES,
        createdBy: named ? actor.personId : null,
      });
      await tx.insert(hotlinePhotos).values({ itemId: row.id, fileId: file.id, position: i + 1 });
    }
    await applyRollupFor(tx, null, row);
    await writeAudit(tx, filingActor(actor, input.visibility), {
      action: 'hotline_item.file',
      recordType: 'hotline_item',
      recordId: row.id,
      unitId: handlingUnitId,
      details: {
        visibility: input.visibility,
        urgency: input.urgency,
        category: category.code,
        photos: photos.length,
      },
    });
    await notify(tx, await handlersOf(tx, handlingUnitId), {
      kind: input.urgency === 'immediate' ? 'hotline.immediate' : 'hotline.assigned',
      params: { code, title: input.title },
      link: `/hotline/items/${row.id}`,
    });
    await tellUnitChannels(
      tx,
      handlingUnitId,
      `【职工快线】新事项 ${code}`,
      `${input.title}\n请登录生命线受理。`,
    );
    if (input.urgency === 'immediate') await notifySafetyContact(tx, row);
    if (deadlines.calendarMissingYear) await reportMissingYear(tx, deadlines.calendarMissingYear);
    await scheduleSla(tx, row, config.reminderDays);
    return row;
  });
  return { id: item.id, code: item.code, secret };
}
