import {
  ZApprovedLine,
  ZCycle,
  ZDecisionInput,
  ZErrorBody,
  ZMeeting,
  ZMeetingDetail,
  ZMeetingInput,
  ZMeetingUpdate,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx } from '../../../platform/excel/xlsx.js';
import { requireActor } from '../../../platform/http/request-context.js';
import { presentCycle, rubricLocked } from '../cycles/cycles.service.js';
import { approvedListPolicy } from './approved-list.policy.js';
import { approvedList, categoryLabel, levelLabel, publishApprovedList } from './approved-list.service.js';
import { decisionPolicy, meetingPolicy } from './meetings.policy.js';
import {
  createMeeting,
  decideProject,
  listMeetings,
  meetingDetail,
  presentMeeting,
  updateMeeting,
} from './meetings.service.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['innovation'];

/** The leadership group's decisions (研究审定) and the published list of approved projects (立项公布). */
export async function decisionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/innovation/cycles/:id/meetings',
    {
      config: { access: meetingPolicy.access('list') },
      schema: {
        tags,
        summary: 'Decision meetings of a cycle',
        params: ZId,
        response: { 200: z.array(ZMeeting), ...errors },
      },
    },
    async (request) => listMeetings(db(), requireActor(request), request.params.id),
  );

  app.post(
    '/api/innovation/cycles/:id/meetings',
    {
      config: { access: meetingPolicy.access('create') },
      schema: {
        tags,
        summary: 'Record a decision meeting I sit in (date, members present, minutes)',
        params: ZId,
        body: ZMeetingInput,
        response: { 201: ZMeeting, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const m = await createMeeting(db(), actor, request.params.id, request.body);
      return reply.status(201).send(await presentMeeting(db(), actor, m));
    },
  );

  app.get(
    '/api/innovation/meetings/:id',
    {
      config: { access: meetingPolicy.access('read') },
      schema: {
        tags,
        summary: 'A meeting with its candidate projects, recusals and decisions',
        params: ZId,
        response: { 200: ZMeetingDetail, ...errors },
      },
    },
    async (request) => meetingDetail(db(), requireActor(request), request.params.id),
  );

  app.patch(
    '/api/innovation/meetings/:id',
    {
      config: { access: meetingPolicy.access('update') },
      schema: {
        tags,
        summary: 'Change the date, members or minutes of a meeting I sit in',
        params: ZId,
        body: ZMeetingUpdate,
        response: { 200: ZMeeting, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentMeeting(db(), actor, await updateMeeting(db(), actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/innovation/meetings/:id/decisions',
    {
      config: { access: decisionPolicy.access('decide') },
      schema: {
        tags,
        summary:
          'Approve a shortlisted project with a level and funding, or decline it (a member of the meeting not recused from it)',
        params: ZId,
        body: ZDecisionInput,
        response: {
          201: z.object({
            id: z.number(),
            projectId: z.number(),
            outcome: z.string(),
            /** The project's new state and version, for the next change without a reload. */
            projectState: z.string(),
            projectVersion: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const d = await decideProject(db(), requireActor(request), request.params.id, request.body);
      return reply.status(201).send({
        id: d.id,
        projectId: d.projectId,
        outcome: d.outcome,
        projectState: d.projectState,
        projectVersion: d.projectVersion,
      });
    },
  );

  app.get(
    '/api/innovation/cycles/:id/approved',
    {
      config: { access: approvedListPolicy.access('read') },
      schema: {
        tags,
        summary: 'The approved projects of a cycle (立项公布)',
        params: ZId,
        response: {
          200: z.object({
            cycleName: z.string(),
            publishedAt: z.string().nullable(),
            lines: z.array(ZApprovedLine),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { cycle, lines } = await approvedList(db(), requireActor(request), request.params.id);
      return { cycleName: cycle.name, publishedAt: cycle.approvedListPublishedAt, lines };
    },
  );

  app.get(
    '/api/innovation/cycles/:id/approved.xlsx',
    {
      config: { access: approvedListPolicy.access('read') },
      schema: { tags, summary: 'The approved projects as an Excel file', params: ZId },
    },
    async (request, reply) => {
      const { cycle, lines } = await approvedList(db(), requireActor(request), request.params.id);
      type Line = (typeof lines)[number];
      return sendXlsx<Line>(
        reply,
        `${cycle.name}立项名单.xlsx`,
        '立项名单',
        [
          { header: '编号', value: (r) => r.code },
          { header: '课题名称', width: 40, value: (r) => r.title },
          { header: '申报单位', width: 24, value: (r) => r.unitName },
          { header: '负责人', value: (r) => r.leaderName },
          { header: '类别', value: (r) => categoryLabel(r.category) },
          { header: '立项级别', width: 18, value: (r) => levelLabel(r.level) },
          { header: '资助金额(元)', value: (r) => r.fundingFen / 100 },
        ],
        (async function* () {
          yield lines;
        })(),
      );
    },
  );

  app.post(
    '/api/innovation/cycles/:id/approved/publish',
    {
      config: { access: approvedListPolicy.access('publish') },
      schema: {
        tags,
        summary: 'Publish the approved list',
        params: ZId,
        response: { 200: ZCycle, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const c = await publishApprovedList(db(), actor, request.params.id);
      return presentCycle(actor, c, await rubricLocked(db(), c));
    },
  );
}
