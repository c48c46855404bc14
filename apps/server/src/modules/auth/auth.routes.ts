import { ZChangePasswordRequest, ZErrorBody, ZLoginRequest, ZMe } from '@lifeline/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/authz/actor.js';
import { forgetActors } from '../../platform/authz/actor-cache.js';
import { requireActor } from '../../platform/http/request-context.js';
import { changeOwnPassword, login } from './auth.service.js';
import { presentMe } from './me.presenter.js';
import { deleteSession, hashToken, loadActor, SESSION_COOKIE, SESSION_MAX_HOURS } from './sessions.js';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 423: ZErrorBody, 429: ZErrorBody };

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_MAX_HOURS * 3600,
  });
}

/** Login, logout, the current user and their password. */
export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.lifeline.database.db;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with employee number or phone and password; sets the session cookie',
        body: ZLoginRequest,
        response: { 200: ZMe, ...errors },
      },
    },
    async (request, reply) => {
      const meta = {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      };
      const { token } = await login(db(), request.body, meta);
      setSessionCookie(request, reply, token);
      const actor = await loadActor(db(), token, meta);
      return presentMe(db(), actor!);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'End the current session',
        response: { 204: z.null(), 403: ZErrorBody },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const actor = await loadActor(db(), token, { ip: request.ip, requestId: request.id });
        await db().transaction(async (tx) => {
          if (actor) {
            await writeAudit(tx, auditActor(actor), {
              action: 'auth.logout',
              recordType: 'account',
              recordId: actor.accountId,
            });
          }
          await deleteSession(tx, token);
        });
        forgetActors({ sessionId: hashToken(token) });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in person, roles and permissions',
        response: { 200: ZMe, 401: ZErrorBody },
      },
    },
    async (request) => presentMe(db(), requireActor(request)),
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (ends my other sessions)',
        body: ZChangePasswordRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        db(),
        requireActor(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
}
