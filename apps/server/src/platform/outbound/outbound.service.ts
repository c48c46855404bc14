import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/types.js';
import type { AppContext } from '../http/request-context.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { outboundMessages } from './outbound.table.js';
import { sendEmail } from './smtp.js';
import { sendRobotText } from './webhook.js';

/**
 * Messages to the outside world: e-mail and WeCom/DingTalk group robots. A message is a row
 * queued in the transaction of its cause and delivered by a job, so a slow or broken channel
 * never fails or delays the request, and every failure is kept on the row for the administrators.
 */

export const OUTBOUND_DELIVER_JOB = 'outbound.deliver';
/** Tries over about ten minutes (backoff 5 s, 10 s, 20 s … 320 s), riding out a restarting server. */
export const OUTBOUND_MAX_ATTEMPTS = 8;

export type OutboundChannel = 'email' | 'wecom' | 'dingtalk';
export type OutboundMessage = typeof outboundMessages.$inferSelect;

/**
 * Queues a message: `target` is an e-mail address or a robot's webhook URL. Call it with the
 * caller's transaction, so the message exists exactly when its cause does. Returns the row id.
 */
export async function enqueueOutbound(
  db: Db,
  input: { channel: OutboundChannel; target: string; subject?: string; body: string },
): Promise<number> {
  const [row] = await db
    .insert(outboundMessages)
    .values({ channel: input.channel, target: input.target, subject: input.subject ?? '', body: input.body })
    .returning({ id: outboundMessages.id });
  await enqueueJob(
    db,
    OUTBOUND_DELIVER_JOB,
    { messageId: row.id },
    { maxAttempts: OUTBOUND_MAX_ATTEMPTS, dedupeKey: `${OUTBOUND_DELIVER_JOB}:${row.id}` },
  );
  return row.id;
}

type WarnLogger = { warn(obj: object, msg: string): void };
/** The app context has no logger; this writes the same JSON line shape as the server's pino. */
const stderrLogger: WarnLogger = {
  warn: (obj, msg) => console.warn(JSON.stringify({ level: 40, time: Date.now(), ...obj, msg })),
};

/**
 * The delivery job. A failure is recorded on the row (attempts, last_error) and rethrown, so the
 * job system retries with backoff; after the last attempt the row is marked 'failed' and a
 * warning is logged.
 */
export function outboundJobs(
  ctx: Pick<AppContext, 'database' | 'crypto'>,
  logger: WarnLogger = stderrLogger,
): Record<string, JobHandler> {
  return {
    [OUTBOUND_DELIVER_JOB]: async (job, jobCtx) => {
      const id = Number(job.payload.messageId);
      const [message] = await jobCtx.db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
      if (message?.status !== 'queued') return; // deleted, or settled by an earlier run
      try {
        await deliver(ctx, message);
      } catch (err) {
        const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
        const final = job.attempts >= job.maxAttempts;
        await jobCtx.db
          .update(outboundMessages)
          .set({
            attempts: sql`${outboundMessages.attempts} + 1`,
            lastError: error,
            status: final ? 'failed' : 'queued',
          })
          .where(eq(outboundMessages.id, id));
        if (final) {
          logger.warn(
            { outboundMessageId: id, channel: message.channel, attempts: job.attempts, error },
            'outbound message could not be delivered',
          );
        }
        throw err;
      }
      await jobCtx.complete((tx) =>
        tx
          .update(outboundMessages)
          .set({ status: 'sent', sentAt: sql`now()`, attempts: sql`${outboundMessages.attempts} + 1` })
          .where(eq(outboundMessages.id, id)),
      );
    },
  };
}

async function deliver(
  ctx: Pick<AppContext, 'database' | 'crypto'>,
  message: OutboundMessage,
): Promise<void> {
  switch (message.channel) {
    case 'email':
      return sendEmail(ctx.database.db, ctx.crypto, {
        to: message.target,
        subject: message.subject,
        body: message.body,
      });
    case 'wecom':
    case 'dingtalk':
      return sendRobotText(
        message.channel,
        message.target,
        message.subject ? `${message.subject}\n${message.body}` : message.body,
      );
    default:
      throw new Error(`Unknown outbound channel ${message.channel}`);
  }
}
