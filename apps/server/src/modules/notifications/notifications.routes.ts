import { ZErrorBody, ZNotificationPage } from '@lifeline/shared';
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/request-context.js';
import { notifications } from '../../platform/notifications/notifications.table.js';
import { recipientKeys, unsealNotice } from '../../platform/notifications/private-notify.js';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody };
const tags = ['notifications'];

/**
 * My inbox: newest first (keyset by id), the unread count, and marking as read. Mine are the
 * notices kept under my person id and the private ones kept under my keyed hash; a private one
 * is deleted when read (its read time would tie it to my other notices).
 */
export async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;
  const crypto = () => app.lifeline.crypto;
  // Private notices under the current secret's key or a previous one's (left before a key
  // rotation that `rotate-keys` has not re-keyed yet).
  const privately = (personId: number) =>
    inArray(notifications.recipientKey, recipientKeys(crypto(), personId));
  const mine = (personId: number) => or(eq(notifications.personId, personId), privately(personId));

  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: z.object({
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          unread: z.enum(['true', 'false']).default('false'),
        }),
        response: { 200: ZNotificationPage, ...errors },
      },
    },
    async (request) => {
      const me = requireActor(request).personId;
      const q = request.query;
      const items = await db()
        .select()
        .from(notifications)
        .where(
          and(
            mine(me),
            q.before ? lt(notifications.id, q.before) : undefined,
            q.unread === 'true' ? isNull(notifications.readAt) : undefined,
          ),
        )
        .orderBy(desc(notifications.id))
        .limit(q.limit);
      const [count] = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(mine(me), isNull(notifications.readAt)));
      return {
        unread: count.n,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          ...unsealNotice(crypto(), n),
          createdAt: n.createdAt,
          readAt: n.readAt,
        })),
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const me = requireActor(request).personId;
      await db()
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.personId, me)));
      await db()
        .delete(notifications)
        .where(and(eq(notifications.id, request.params.id), privately(me)));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Mark all my notifications read', response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const me = requireActor(request).personId;
      await db()
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(notifications.personId, me), isNull(notifications.readAt)));
      await db().delete(notifications).where(privately(me));
      return reply.status(204).send(null);
    },
  );
}
