import {
  ZErrorBody,
  ZOrgUnit,
  ZOrgUnitCreate,
  ZOrgUnitDissolve,
  ZOrgUnitMove,
  ZOrgUnitTreeNode,
  ZOrgUnitUpdate,
  ZUnitType,
  ZUnitTypeInput,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/request-context.js';
import { orgUnitPolicy as policy, unitTypePolicy } from './org-units.policy.js';
import { presentOrgUnit } from './org-units.presenter.js';
import {
  createUnit,
  createUnitType,
  dissolveUnit,
  getUnit,
  listUnitTypes,
  moveUnit,
  unitTree,
  updateUnit,
} from './org-units.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['org-units'];

/** The organisation tree: types, the tree with headcounts, and changes to units. */
export async function orgUnitRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/org-unit-types',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Unit types (a setting)', response: { 200: z.array(ZUnitType), ...errors } },
    },
    async () => listUnitTypes(db()),
  );

  app.post(
    '/api/org-unit-types',
    {
      config: { access: unitTypePolicy.access('create') },
      schema: {
        tags,
        summary: 'Add a unit type',
        body: ZUnitTypeInput,
        response: { 201: ZUnitType, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUnitType(db(), requireActor(request), request.body)),
  );

  app.get(
    '/api/org-units/tree',
    {
      config: { access: policy.access('read') },
      schema: {
        tags,
        summary: 'The units in my scope, with headcounts per unit and per subtree (ordered by depth)',
        querystring: z.object({ includeDissolved: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.array(ZOrgUnitTreeNode), ...errors },
      },
    },
    async (request) => unitTree(db(), requireActor(request), request.query.includeDissolved === 'true'),
  );

  app.get(
    '/api/org-units/:id',
    {
      config: { access: policy.access('read') },
      schema: { tags, summary: 'One unit', params: ZId, response: { 200: ZOrgUnit, ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentOrgUnit(actor, await getUnit(db(), actor, request.params.id));
    },
  );

  app.post(
    '/api/org-units',
    {
      config: { access: policy.access('createChild') },
      schema: {
        tags,
        summary: 'Create a unit',
        body: ZOrgUnitCreate,
        response: { 201: ZOrgUnit, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(presentOrgUnit(actor, await createUnit(db(), actor, request.body)));
    },
  );

  app.patch(
    '/api/org-units/:id',
    {
      config: { access: policy.access('update') },
      schema: {
        tags,
        summary: 'Change a unit',
        params: ZId,
        body: ZOrgUnitUpdate,
        response: { 200: ZOrgUnit, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentOrgUnit(actor, await updateUnit(db(), actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/org-units/:id/move',
    {
      config: { access: policy.access('move') },
      schema: {
        tags,
        summary: 'Move a unit and its subtree under another parent',
        params: ZId,
        body: ZOrgUnitMove,
        response: { 200: ZOrgUnit, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { newParentId, version } = request.body;
      return presentOrgUnit(actor, await moveUnit(db(), actor, request.params.id, newParentId, version));
    },
  );

  app.post(
    '/api/org-units/:id/dissolve',
    {
      config: { access: policy.access('dissolve') },
      schema: {
        tags,
        summary: 'Dissolve a unit (it keeps its records; hidden from pickers)',
        params: ZId,
        body: ZOrgUnitDissolve,
        response: { 200: ZOrgUnit, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { dissolvedOn, version } = request.body;
      return presentOrgUnit(actor, await dissolveUnit(db(), actor, request.params.id, dissolvedOn, version));
    },
  );
}
