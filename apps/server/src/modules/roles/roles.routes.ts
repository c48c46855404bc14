import {
  ZErrorBody,
  ZGrantableQuery,
  ZGrantableRoles,
  ZPage,
  ZRoleAssignment,
  ZRoleAssignmentCreate,
  ZRoleAssignmentQuery,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/request-context.js';
import { roleAssignmentPolicy as policy } from './roles.policy.js';
import { assignRole, grantableRoles, listAssignments, revokeRole } from './roles.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['roles'];

/** Role assignments: (person, role, unit) between dates, covering the unit's subtree. */
export async function roleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/role-assignments',
    {
      config: { access: policy.access('list') },
      schema: {
        tags,
        summary: 'Role assignments on units in my scope',
        querystring: ZRoleAssignmentQuery,
        response: { 200: ZPage(ZRoleAssignment), ...errors },
      },
    },
    async (request) => listAssignments(db(), requireActor(request), request.query),
  );

  app.get(
    '/api/role-assignments/grantable',
    {
      config: { access: policy.access('grant') },
      schema: {
        tags,
        summary: 'The roles I may grant on a unit (to a person, when given)',
        querystring: ZGrantableQuery,
        response: { 200: ZGrantableRoles, ...errors },
      },
    },
    async (request) => ({
      roles: await grantableRoles(db(), requireActor(request), request.query.unitId, request.query.personId),
    }),
  );

  app.post(
    '/api/role-assignments',
    {
      config: { access: policy.access('grant') },
      schema: {
        tags,
        summary: 'Assign a role on a unit',
        body: ZRoleAssignmentCreate,
        response: { 201: ZRoleAssignment, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assignRole(db(), requireActor(request), request.body)),
  );

  app.delete(
    '/api/role-assignments/:id',
    {
      config: { access: policy.access('revoke') },
      schema: {
        tags,
        summary: 'End a role assignment (kept in history)',
        params: ZId,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeRole(db(), requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
