import {
  ZErrorBody,
  ZHotlineSettings,
  ZHotlineSettingsInput,
  ZRoutingRule,
  ZRoutingRuleInput,
  ZUnitChannels,
  ZUnitChannelsInput,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActor } from '../../../platform/authz/actor.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { readSmtpSettings, saveSmtpSettings } from '../../../platform/outbound/smtp.js';
import { saveUnitChannels, unitChannels } from '../channels.js';
import { hotlineDeskPolicy as policy } from '../hotline.policy.js';
import { unitRow } from '../items/item-rows.js';
import { hotlineConfig, saveHotlineConfig } from './hotline-settings.js';
import { addRule, deleteRule, listRules } from './routing.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['hotline'];
/** The group-wide settings belong to no unit: the policy asks for a grant on a top unit. */
const NO_UNIT = { unitPath: '/' };
const manage = policy.access('manage');

/** The hotline's settings, routing rules and the units' safety contacts and channels. */
export async function settingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = () => app.lifeline;
  const db = () => app.lifeline.database.db;

  const read = async () => {
    const c = await hotlineConfig(db());
    return { ...c, smtp: await readSmtpSettings(db()) };
  };

  app.get(
    '/api/hotline/settings',
    {
      config: { access: manage },
      schema: { tags, summary: 'The hotline settings', response: { 200: ZHotlineSettings, ...errors } },
    },
    async (request) => {
      policy.authorize(requireActor(request), 'manageGroup', NO_UNIT);
      return read();
    },
  );

  app.put(
    '/api/hotline/settings',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Change the hotline settings',
        body: ZHotlineSettingsInput,
        response: { 200: ZHotlineSettings, ...errors },
      },
    },
    async (request) => {
      const caller = requireActor(request);
      const actor = auditActor(caller, policy.authorize(caller, 'manageGroup', NO_UNIT));
      const { smtp, version, ...config } = request.body;
      await saveHotlineConfig(db(), actor, config, version);
      // null turns e-mail off (the stored server and password are removed); an object saves it.
      if (smtp || (await readSmtpSettings(db()))) await saveSmtpSettings(db(), ctx().crypto, actor, smtp);
      return read();
    },
  );

  app.get(
    '/api/hotline/routing-rules',
    {
      config: { access: manage },
      schema: { tags, summary: 'Routing rules', response: { 200: z.array(ZRoutingRule), ...errors } },
    },
    async (request) => {
      policy.authorize(requireActor(request), 'manageGroup', NO_UNIT);
      return listRules(db());
    },
  );
  app.post(
    '/api/hotline/routing-rules',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Add a routing rule',
        body: ZRoutingRuleInput,
        response: { 201: ZRoutingRule, ...errors },
      },
    },
    async (request, reply) => {
      const caller = requireActor(request);
      const actor = auditActor(caller, policy.authorize(caller, 'manageGroup', NO_UNIT));
      return reply.status(201).send(await addRule(db(), actor, request.body));
    },
  );
  app.delete(
    '/api/hotline/routing-rules/:id',
    {
      config: { access: manage },
      schema: { tags, summary: 'Remove a routing rule', params: ZId, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const caller = requireActor(request);
      const actor = auditActor(caller, policy.authorize(caller, 'manageGroup', NO_UNIT));
      await deleteRule(db(), actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/hotline/units/:id/channels',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: "A unit's safety contact and channels",
        params: ZId,
        response: { 200: ZUnitChannels, ...errors },
      },
    },
    async (request) => {
      const unit = await unitRow(db(), request.params.id);
      policy.authorize(requireActor(request), 'manage', { unitPath: unit.path });
      return unitChannels(db(), unit.id);
    },
  );
  app.put(
    '/api/hotline/units/:id/channels',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: "Set a unit's safety contact and channels",
        params: ZId,
        body: ZUnitChannelsInput,
        response: { 200: ZUnitChannels, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unit = await unitRow(db(), request.params.id);
      const grant = policy.authorize(actor, 'manage', { unitPath: unit.path });
      return saveUnitChannels(db(), auditActor(actor, grant), unit.id, request.body);
    },
  );
}
