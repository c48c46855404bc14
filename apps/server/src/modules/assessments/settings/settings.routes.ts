import { ZErrorBody, ZWellbeingSettings, ZWellbeingSettingsInput } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditActor } from '../../../platform/authz/actor.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { GROUP, wellbeingAdminPolicy } from '../assessments.policy.js';
import { saveWellbeingSettings, wellbeingSettings } from './wellbeing-settings.js';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 409: ZErrorBody };
const tags = ['assessments'];

/** The module's settings: open the self-check to everyone, retention, the care path's help. */
export async function settingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/assessments/settings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The wellbeing settings (nothing personal)',
        response: { 200: ZWellbeingSettings },
      },
    },
    async () => wellbeingSettings(db()),
  );

  app.put(
    '/api/assessments/settings',
    {
      config: { access: wellbeingAdminPolicy.access('manage') },
      schema: {
        tags,
        summary: 'Change the wellbeing settings',
        body: ZWellbeingSettingsInput,
        response: { 200: ZWellbeingSettings, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const grant = wellbeingAdminPolicy.authorize(actor, 'manage', GROUP);
      return saveWellbeingSettings(db(), auditActor(actor, grant), request.body);
    },
  );
}
