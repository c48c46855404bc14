import {
  ZErrorBody,
  ZHotlineItem,
  ZHotlineMerge,
  ZHotlineNote,
  ZHotlinePage,
  ZHotlineState,
  ZHotlineText,
  ZHotlineTransfer,
  ZHotlineUrgency,
  ZHotlineVersion,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../../platform/excel/xlsx.js';
import { sendFile } from '../../../platform/files/files.service.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { hotlineDeskPolicy, hotlineItemPolicy } from '../hotline.policy.js';
import { loadItem } from '../items/item-rows.js';
import { itemPhoto } from '../items/photos.js';
import { addMessage, handleItem, handlingRecord, readForHandler } from './handling.service.js';
import { itemExportColumns, itemExportRows } from './items-export.js';
import { listItems } from './list.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  422: ZErrorBody,
};
const tags = ['hotline'];
/** The desk's gate: a handler or the office somewhere; each item's rule is in hotline.policy.ts. */
const handle = hotlineItemPolicy.access('read');

const ZListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  state: ZHotlineState.optional(),
  category: z.string().max(32).optional(),
  urgency: ZHotlineUrgency.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
  before: z.string().max(200).optional(),
});

/**
 * The handlers' side, in the order of an item's life: the list of a subtree, one item, the
 * moves of the transition table, replies and internal notes, photos, and the export.
 */
export async function handlingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/hotline/items',
    {
      config: { access: hotlineDeskPolicy.access('list') },
      schema: {
        tags,
        summary: "The newest items handled in a unit's subtree",
        querystring: ZListQuery,
        response: { 200: ZHotlinePage, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return listItems(db(), requireActor(request), { ...q, overdue: q.overdue === 'true' });
    },
  );

  app.get(
    '/api/hotline/items/export',
    {
      config: { access: hotlineDeskPolicy.access('list') },
      schema: {
        tags,
        summary: 'The list as an Excel workbook (no reporter identity)',
        querystring: ZListQuery,
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = { ...request.query, overdue: request.query.overdue === 'true' };
      // The first page is read before the download starts, so that scope errors are answered as such.
      const first = await listItems(db(), actor, { ...q, limit: 100 });
      return sendXlsx(
        reply,
        '职工快线事项.xlsx',
        '事项',
        await itemExportColumns(db()),
        itemExportRows(db(), actor, q, first),
      );
    },
  );

  app.get(
    '/api/hotline/items/:id',
    {
      config: { access: handle },
      schema: {
        tags,
        summary: 'An item, as a handler sees it',
        params: ZId,
        response: { 200: ZHotlineItem, ...errors },
      },
    },
    async (request) => readForHandler(ctx(), requireActor(request), request.params.id),
  );

  app.get(
    '/api/hotline/items/:id/photos/:photoId',
    {
      config: { access: handle },
      schema: { tags, summary: 'A photo of an item', params: ZId.extend({ photoId: z.uuid() }) },
    },
    async (request, reply) => {
      const item = await loadItem(db(), request.params.id);
      hotlineItemPolicy.authorize(requireActor(request), 'read', await handlingRecord(db(), item));
      return sendFile(reply, ctx().files, await itemPhoto(db(), item.id, request.params.photoId));
    },
  );

  const moves = [
    ['accept', 'accept', ZHotlineVersion, hotlineItemPolicy.access('accept'), 'Accept the item'],
    ['start', 'start', ZHotlineVersion, hotlineItemPolicy.access('start'), 'Start handling it'],
    [
      'ask-reporter',
      'ask_reporter',
      ZHotlineText,
      hotlineItemPolicy.access('ask_reporter'),
      'Ask the reporter for more (the clock pauses)',
    ],
    [
      'answer',
      'answer',
      ZHotlineText,
      hotlineItemPolicy.access('answer'),
      'Answer (a reply shown to the reporter)',
    ],
    [
      'transfer',
      'transfer',
      ZHotlineTransfer,
      hotlineItemPolicy.access('transfer'),
      'Transfer to another handling unit (deadlines start again)',
    ],
    ['merge', 'merge', ZHotlineMerge, hotlineItemPolicy.access('merge'), 'Merge into a duplicate (office)'],
    [
      'close-not-applicable',
      'close_not_applicable',
      ZHotlineText,
      hotlineItemPolicy.access('close_not_applicable'),
      'Close as not applicable, with the reason (office)',
    ],
  ] as const;
  for (const [path, action, body, access, summary] of moves) {
    app.post(
      `/api/hotline/items/:id/${path}`,
      {
        config: { access },
        schema: { tags, summary, params: ZId, body, response: { 200: ZHotlineItem, ...errors } },
      },
      async (request) =>
        handleItem(ctx(), requireActor(request), request.params.id, {
          action,
          ...(request.body as object),
        } as never),
    );
  }

  app.post(
    '/api/hotline/items/:id/reply',
    {
      config: { access: handle },
      schema: {
        tags,
        summary: 'A reply to the reporter without a change of state',
        params: ZId,
        body: ZHotlineNote,
        response: { 200: ZHotlineItem, ...errors },
      },
    },
    async (request) =>
      addMessage(ctx(), requireActor(request), request.params.id, 'reply', request.body.text),
  );

  app.post(
    '/api/hotline/items/:id/notes',
    {
      config: { access: handle },
      schema: {
        tags,
        summary: 'An internal note (never shown to the reporter)',
        params: ZId,
        body: ZHotlineNote,
        response: { 200: ZHotlineItem, ...errors },
      },
    },
    async (request) => addMessage(ctx(), requireActor(request), request.params.id, 'note', request.body.text),
  );
}
