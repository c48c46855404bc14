import { ZErrorBody, ZHotlineMine, ZHotlineRate, ZHotlineText } from '@lifeline/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import { sendFile } from '../../../platform/files/files.service.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { itemPhoto } from '../items/photos.js';
import { myItems, type Reporter, readMine, reporterAct, reporterItem } from './reporter.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const ZCode = z.object({
  code: z.string().regex(/^KX\d{6}-[A-Z2-9]{5}$/, 'a tracking code such as KX261123-7QH4M'),
});
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['hotline'];

/** The anonymous reporter: the code in the path and the secret in a header (never in a URL or a log). */
function bySecret(request: FastifyRequest, code: string): Reporter {
  const secret = request.headers['x-hotline-secret'];
  if (typeof secret !== 'string' || !/^[A-Z2-9]{24}$/.test(secret)) {
    throw new AppError('not_found', 'Item not found');
  }
  return { kind: 'secret', code, secret };
}

/**
 * The reporter's side: my items (named and confidential, by account) and the anonymous
 * follow-up (by tracking code and secret); adding information, rating and reopening.
 */
export async function reporterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  const account = (request: FastifyRequest): Reporter => ({ kind: 'account', actor: requireActor(request) });

  app.get(
    '/api/hotline/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My items', response: { 200: z.array(ZHotlineMine), ...errors } },
    },
    async (request) => myItems(ctx(), requireActor(request)),
  );
  app.get(
    '/api/hotline/mine/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One of my items', params: ZId, response: { 200: ZHotlineMine, ...errors } },
    },
    async (request) => readMine(ctx(), account(request), request.params.id),
  );
  app.get(
    '/api/hotline/mine/:id/photos/:photoId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'A photo of my item', params: ZId.extend({ photoId: z.uuid() }) },
    },
    async (request, reply) => {
      const item = await reporterItem(ctx(), ctx().database.db, account(request), request.params.id);
      return sendFile(
        reply,
        ctx().files,
        await itemPhoto(ctx().database.db, item.id, request.params.photoId),
      );
    },
  );

  for (const [path, action, body] of [
    ['add-info', 'add_info', ZHotlineText],
    ['rate', 'rate', ZHotlineRate],
    ['reopen', 'reopen', ZHotlineText],
  ] as const) {
    app.post(
      `/api/hotline/mine/:id/${path}`,
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: `As the reporter: ${action.replace('_', ' ')}`,
          params: ZId,
          body,
          response: { 200: ZHotlineMine, ...errors },
        },
      },
      async (request) =>
        reporterAct(ctx(), account(request), request.params.id, {
          action,
          ...(request.body as object),
        } as never),
    );
    app.post(
      `/api/hotline/track/:code/${path}`,
      {
        config: { access: 'public', logClientAddress: false },
        schema: {
          tags,
          summary: `As the anonymous reporter (secret in x-hotline-secret): ${action.replace('_', ' ')}`,
          params: ZCode,
          body,
          response: { 200: ZHotlineMine, ...errors },
        },
      },
      async (request) =>
        reporterAct(ctx(), bySecret(request, request.params.code), request.params.code, {
          action,
          ...(request.body as object),
        } as never),
    );
  }

  app.get(
    '/api/hotline/track/:code',
    {
      config: { access: 'public', logClientAddress: false },
      schema: {
        tags,
        summary: 'An anonymous item by its tracking code (secret in x-hotline-secret)',
        params: ZCode,
        response: { 200: ZHotlineMine, ...errors },
      },
    },
    async (request) => readMine(ctx(), bySecret(request, request.params.code), request.params.code),
  );
  app.get(
    '/api/hotline/track/:code/photos/:photoId',
    {
      config: { access: 'public', logClientAddress: false },
      schema: {
        tags,
        summary: 'A photo of an anonymous item',
        params: ZCode.extend({ photoId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const item = await reporterItem(
        ctx(),
        ctx().database.db,
        bySecret(request, request.params.code),
        request.params.code,
      );
      return sendFile(
        reply,
        ctx().files,
        await itemPhoto(ctx().database.db, item.id, request.params.photoId),
      );
    },
  );
}
