import {
  ZErrorBody,
  ZHotlineBoardItem,
  ZHotlineCategory,
  ZHotlineFiled,
  ZHotlineItemInput,
  ZHotlineSimilar,
} from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryRows } from '../../../platform/db/sql.js';
import { AppError } from '../../../platform/errors.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { standsSql } from '../../org-units/index.js';
import { board } from '../board/board.service.js';
import { hotlineConfig } from '../settings/hotline-settings.js';
import { fileItem, type Upload } from './filing.js';
import { addMeToo, similarItems } from './similar.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  413: ZErrorBody,
  415: ZErrorBody,
};
const tags = ['hotline'];

/** Reads the filing form: the item as JSON in the field "item", photos in fields "photo". */
async function readFiling(request: FastifyRequest): Promise<{ input: unknown; uploads: Upload[] }> {
  let input: unknown;
  const uploads: Upload[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'photo' && bytes.length) uploads.push({ bytes, filename: part.filename });
    } else if (part.fieldname === 'item') {
      try {
        input = JSON.parse(String(part.value));
      } catch {
        throw new AppError('validation_failed', 'The field "item" must be JSON', {
          issues: [{ path: 'item', message: 'not JSON' }],
        });
      }
    }
  }
  if (input === undefined)
    throw new AppError('validation_failed', 'The field "item" is missing', {
      issues: [{ path: 'item', message: 'missing' }],
    });
  return { input, uploads };
}

/** Raising a problem: categories, similar items while typing, filing, "me too", and the public board. */
export async function itemRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/hotline/categories',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The categories on offer',
        response: { 200: z.array(ZHotlineCategory), ...errors },
      },
    },
    async () => (await hotlineConfig(db())).categories.filter((c) => c.active),
  );

  app.get(
    '/api/hotline/units',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The units a problem may concern (names only), for choosing on the phone',
        response: {
          200: z.array(z.object({ id: z.number(), name: z.string(), parentName: z.string().nullable() })),
          ...errors,
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'private, max-age=600');
      const rows = await queryRows<{ id: string; name: string; parent: string | null }>(
        db(),
        sql`select u.id, u.name, p.name as parent from org_units u left join org_units p on p.id = u.parent_id
            where ${standsSql(sql`u.dissolved_on`)} order by u.path`,
      );
      return rows.map((r) => ({ id: Number(r.id), name: r.name, parentName: r.parent }));
    },
  );

  app.get(
    '/api/hotline/similar',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Open items of a unit similar to a text (suggested while typing)',
        querystring: z.object({
          unitId: z.coerce.number().int().positive(),
          q: z.string().max(200).default(''),
        }),
        response: { 200: z.array(ZHotlineSimilar), ...errors },
      },
    },
    async (request) => similarItems(db(), request.query.unitId, request.query.q),
  );

  app.post(
    '/api/hotline/items',
    {
      // An anonymous filing must not be traceable to a network address: the request log omits it.
      config: { access: 'authenticated', logClientAddress: false },
      schema: {
        tags,
        summary: 'Raise a problem (multipart: "item" JSON and up to 5 "photo" images)',
        consumes: ['multipart/form-data'],
        response: { 201: ZHotlineFiled, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { input, uploads } = await readFiling(request);
      const parsed = ZHotlineItemInput.safeParse(input);
      if (!parsed.success) {
        throw new AppError('validation_failed', parsed.error.issues[0].message, {
          issues: parsed.error.issues.map((i) => ({
            path: ['item', ...i.path].join('.'),
            message: i.message,
          })),
        });
      }
      return reply.status(201).send(await fileItem(ctx(), actor, parsed.data, uploads));
    },
  );

  app.post(
    '/api/hotline/items/:id/me-too',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Add "me too" to an open item',
        params: ZId,
        response: { 200: z.object({ meToo: z.number() }), ...errors },
      },
    },
    async (request) => addMeToo(db(), ctx().crypto, requireActor(request), request.params.id),
  );

  app.get(
    '/api/hotline/board',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The public board: answered items whose reporters agreed, without identities',
        querystring: z.object({
          category: z.string().max(32).optional(),
          unitId: z.coerce.number().int().positive().optional(),
          q: z.string().max(100).optional(),
          before: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({ items: z.array(ZHotlineBoardItem), next: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => board(db(), request.query),
  );
}
