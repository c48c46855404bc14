import {
  ZCalendarDate,
  ZCalendarDay,
  ZCalendarDeclareInput,
  ZCalendarOverrideInput,
  ZCalendarYear,
  ZDeadlineQuery,
  ZErrorBody,
} from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadWorkCalendar } from '../../platform/calendar/calendar.service.js';
import { requireActor } from '../../platform/http/request-context.js';
import { calendarPolicy } from './calendar-admin.policy.js';
import {
  calendarDays,
  calendarYearsList,
  declareYear,
  removeOverride,
  setOverride,
  undeclareYear,
} from './calendar-admin.service.js';

const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  422: ZErrorBody,
};
const tags = ['calendar'];
const ZYear = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const ZDayParam = z.object({ day: ZCalendarDate });

/** The working-day calendar: official data, administrators' overrides and declared years. */
export async function calendarAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.get(
    '/api/calendar/years',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Years the calendar covers and their source',
        response: { 200: z.array(ZCalendarYear), ...errors },
      },
    },
    async () => calendarYearsList(db()),
  );

  app.get(
    '/api/calendar/years/:year/days',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Non-working and special days of a year',
        params: ZYear,
        response: { 200: z.object({ covered: z.boolean(), days: z.array(ZCalendarDay) }), ...errors },
      },
    },
    async (request) => calendarDays(db(), request.params.year),
  );

  app.get(
    '/api/calendar/deadline',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The deadline of "within N working days" from an instant (Civil Code art. 201 counting)',
        querystring: ZDeadlineQuery,
        response: { 200: z.object({ deadline: z.string() }), ...errors },
      },
    },
    async (request) => {
      const cal = await loadWorkCalendar(db());
      return {
        deadline: cal.deadlineAfter(new Date(request.query.from), request.query.workingDays).toISOString(),
      };
    },
  );

  app.put(
    '/api/calendar/overrides/:day',
    {
      config: { access: calendarPolicy.access('manage') },
      schema: {
        tags,
        summary: 'Set a day as a working day or a holiday',
        params: ZDayParam,
        body: ZCalendarOverrideInput,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await setOverride(
        db(),
        requireActor(request),
        request.params.day,
        request.body.kind,
        request.body.name ?? null,
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/calendar/overrides/:day',
    {
      config: { access: calendarPolicy.access('manage') },
      schema: {
        tags,
        summary: 'Remove an override',
        params: ZDayParam,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeOverride(db(), requireActor(request), request.params.day);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/calendar/years/:year/declare',
    {
      config: { access: calendarPolicy.access('manage') },
      schema: {
        tags,
        summary: "Declare a year's official arrangement entered in full",
        params: ZYear,
        body: ZCalendarDeclareInput,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await declareYear(db(), requireActor(request), request.params.year, request.body.note ?? null);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/calendar/years/:year/declare',
    {
      config: { access: calendarPolicy.access('manage') },
      schema: {
        tags,
        summary: 'Withdraw a declaration',
        params: ZYear,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await undeclareYear(db(), requireActor(request), request.params.year);
      return reply.status(204).send(null);
    },
  );
}
