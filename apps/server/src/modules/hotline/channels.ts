import type { TUnitChannels } from '@lifeline/shared';
import { eq, sql } from 'drizzle-orm';
import { type Actor, writeAudit } from '../../platform/audit/audit.js';
import { queryOne } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../../platform/notifications/notify.js';
import { enqueueOutbound } from '../../platform/outbound/outbound.service.js';
import { type hotlineItems, hotlineUnitChannels } from './hotline.table.js';

type Row = {
  unit_id: string;
  safety_contact_person_id: string | null;
  name: string | null;
  email: string | null;
  wecom_webhook: string | null;
  dingtalk_webhook: string | null;
  version: number;
};

/** A unit's safety contact and outgoing channels (version 0: none set yet). */
export async function unitChannels(db: Db, unitId: number): Promise<TUnitChannels> {
  const row = await queryOne<Row>(
    db,
    sql`select c.*, p.name from hotline_unit_channels c left join people p on p.id = c.safety_contact_person_id where c.unit_id = ${unitId}`,
  );
  return {
    unitId,
    safetyContactPersonId: row?.safety_contact_person_id ? Number(row.safety_contact_person_id) : null,
    safetyContactName: row?.name ?? null,
    email: row?.email ?? null,
    wecomWebhook: row?.wecom_webhook ?? null,
    dingtalkWebhook: row?.dingtalk_webhook ?? null,
    version: row?.version ?? 0,
  };
}

export async function saveUnitChannels(
  db: Db,
  actor: Actor,
  unitId: number,
  input: {
    safetyContactPersonId: number | null;
    email: string | null;
    wecomWebhook: string | null;
    dingtalkWebhook: string | null;
    version: number;
  },
): Promise<TUnitChannels> {
  const { version, ...values } = input;
  await db.transaction(async (tx) => {
    const before = await unitChannels(tx, unitId);
    if (before.version !== version)
      throw new AppError('conflict', 'These channels were changed by someone else; reload them');
    if (version === 0) await tx.insert(hotlineUnitChannels).values({ unitId, ...values });
    else
      await tx
        .update(hotlineUnitChannels)
        .set({ ...values, version: sql`${hotlineUnitChannels.version} + 1`, updatedAt: sql`now()` })
        .where(eq(hotlineUnitChannels.unitId, unitId));
    await writeAudit(tx, actor, {
      action: 'hotline_channels.update',
      recordType: 'org_unit',
      recordId: unitId,
      unitId,
      details: {
        safetyContactPersonId: values.safetyContactPersonId,
        email: !!values.email,
        wecom: !!values.wecomWebhook,
        dingtalk: !!values.dingtalkWebhook,
      },
    });
  });
  return unitChannels(db, unitId);
}

/** The channels of the nearest unit on the line upwards that has any (the unit itself first). */
async function nearestChannels(db: Db, unitId: number): Promise<Row | undefined> {
  return queryOne<Row>(
    db,
    sql`select c.*, null as name from org_units target join org_units u on target.path like u.path || '%'
        join hotline_unit_channels c on c.unit_id = u.id
        where target.id = ${unitId} order by u.depth desc limit 1`,
  );
}

/**
 * Sends a line about an item to a unit's outgoing channels (e-mail, WeCom, DingTalk robots), or
 * to several units' (an escalation: the handling unit's and its superior's), each set of
 * channels once when units share it. Queued in the caller's transaction and delivered by a job
 * with retries: a failing channel never blocks the request. The text never names a reporter.
 */
export async function tellUnitChannels(
  db: Db,
  units: number | number[],
  subject: string,
  text: string,
): Promise<void> {
  const told = new Set<string>();
  for (const unitId of Array.isArray(units) ? units : [units]) {
    const c = await nearestChannels(db, unitId);
    if (!c || told.has(String(c.unit_id))) continue;
    told.add(String(c.unit_id));
    await sendTo(db, c, subject, text);
  }
}

async function sendTo(db: Db, c: Row, subject: string, text: string): Promise<void> {
  if (c.email) await enqueueOutbound(db, { channel: 'email', target: c.email, subject, body: text });
  if (c.wecom_webhook)
    await enqueueOutbound(db, { channel: 'wecom', target: c.wecom_webhook, body: `${subject}\n${text}` });
  if (c.dingtalk_webhook)
    await enqueueOutbound(db, {
      channel: 'dingtalk',
      target: c.dingtalk_webhook,
      body: `${subject}\n${text}`,
    });
}

/** An immediate item (a safety hazard): the concerned unit's safety contact is told at once. */
export async function notifySafetyContact(db: Db, item: typeof hotlineItems.$inferSelect): Promise<void> {
  const c = await queryOne<{ person_id: string }>(
    db,
    sql`select c.safety_contact_person_id as person_id from org_units target join org_units u on target.path like u.path || '%'
        join hotline_unit_channels c on c.unit_id = u.id
        where target.id = ${item.unitId} and c.safety_contact_person_id is not null order by u.depth desc limit 1`,
  );
  await notify(db, [c ? Number(c.person_id) : null], {
    kind: 'hotline.immediate',
    params: { code: item.code, title: item.title },
    link: `/hotline/items/${item.id}`,
  });
  await tellUnitChannels(
    db,
    item.unitId,
    `【职工快线·特急】${item.code}`,
    `${item.title}\n安全隐患，请立即处置。`,
  );
}
