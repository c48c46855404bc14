import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import { FILE_KINDS, getFile, type StoredFile, saveFile } from '../../../platform/files/files.service.js';
import { innovationAttachments } from '../innovation.table.js';
import { projectPolicy, projectRecord } from './projects.policy.js';
import { visibleProject } from './visible-project.js';

/** Attachments are documents or images up to 20 MB, at most 20 per project. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_ATTACHMENTS = 20;

export async function addAttachment(
  db: Db,
  store: FileStore,
  actor: Actor,
  id: number,
  upload: { bytes: Buffer; filename: string },
): Promise<StoredFile> {
  const p = await visibleProject(db, actor, id);
  const grant = projectPolicy.authorize(actor, 'attach', projectRecord(p));
  const existing = await db.$count(innovationAttachments, eq(innovationAttachments.projectId, id));
  if (existing >= MAX_ATTACHMENTS)
    throw new AppError('conflict', `A project has at most ${MAX_ATTACHMENTS} attachments`);
  const file = await saveFile(db, store, {
    ...upload,
    allowed: FILE_KINDS.document,
    maxBytes: MAX_ATTACHMENT_BYTES,
    createdBy: actor.personId,
  });
  await db.transaction(async (tx) => {
    await tx
      .insert(innovationAttachments)
      .values({ projectId: id, fileId: file.id, uploadedBy: actor.personId });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_project.attach',
      recordType: 'innovation_project',
      recordId: id,
      unitId: p.unitId,
      details: { fileId: file.id, name: file.originalName, size: file.size },
    });
  });
  return file;
}

/** An attachment of a project the caller can see. */
export async function projectAttachment(
  db: Db,
  actor: Actor,
  id: number,
  fileId: string,
): Promise<StoredFile> {
  await visibleProject(db, actor, id);
  const [link] = await db
    .select()
    .from(innovationAttachments)
    .where(and(eq(innovationAttachments.projectId, id), eq(innovationAttachments.fileId, fileId)));
  if (!link) throw notFound('Attachment');
  return getFile(db, fileId);
}

export async function removeAttachment(db: Db, actor: Actor, id: number, fileId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await visibleProject(tx, actor, id, true);
    const grant = projectPolicy.authorize(actor, 'detach', projectRecord(p));
    const gone = await tx
      .delete(innovationAttachments)
      .where(and(eq(innovationAttachments.projectId, id), eq(innovationAttachments.fileId, fileId)))
      .returning();
    if (!gone.length) throw notFound('Attachment');
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_project.detach',
      recordType: 'innovation_project',
      recordId: id,
      unitId: p.unitId,
      details: { fileId },
    });
  });
}
