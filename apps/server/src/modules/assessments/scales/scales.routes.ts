import { ZErrorBody, ZScale } from '@lifeline/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActor } from '../../../platform/authz/actor.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { GROUP, wellbeingAdminPolicy } from '../assessments.policy.js';
import { listScales, retireScale, uploadScale } from './scales.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['assessments'];
const access = wellbeingAdminPolicy.access('manage');

/** The caller as the audit records them, once the group-wide rule allowed them. */
function manager(request: FastifyRequest) {
  const actor = requireActor(request);
  return auditActor(actor, wellbeingAdminPolicy.authorize(actor, 'manage', GROUP));
}

/** Scales administrators add in the definition format, without code. */
export async function scaleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/assessments/scales',
    {
      config: { access },
      schema: { tags, summary: 'Uploaded scales', response: { 200: z.array(ZScale), ...errors } },
    },
    async (request) => {
      wellbeingAdminPolicy.authorize(requireActor(request), 'manage', GROUP);
      return listScales(db());
    },
  );

  app.post(
    '/api/assessments/scales',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Upload a scale definition (validated; each problem names its field)',
        body: z.record(z.string(), z.unknown()),
        response: { 201: ZScale, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await uploadScale(db(), manager(request), request.body)),
  );

  app.post(
    '/api/assessments/scales/:id/retire',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Retire an uploaded scale',
        params: ZId,
        response: { 200: ZScale, ...errors },
      },
    },
    async (request) => retireScale(db(), manager(request), request.params.id),
  );
}
