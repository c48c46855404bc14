import type { FastifyRequest } from 'fastify';
import { isDatabaseError } from '../db/db-errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * False on routes whose callers must not be traceable to a network address (the hotline's
     * anonymous filing and tracking): their request log lines carry no client address or port.
     */
    logClientAddress?: boolean;
  }
}

/** Fields of an error that may hold the values of a failed statement or of the row it touched. */
const VALUE_FIELDS = new Set(['params', 'parameters', 'detail', 'where', 'internalQuery', 'hint']);
const MAX_CAUSES = 5;

/**
 * The message of an error without the values of a failed statement: Drizzle's "Failed query: …
 * params: …" keeps only the statement (its placeholders), and PostgreSQL's message loses what
 * follows its first colon, where it quotes the refused value ("invalid input syntax for type
 * integer: \"…\""), and a data exception's quoted values.
 */
export function safeErrorMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & { query?: unknown; params?: unknown };
  if (typeof e.query === 'string' && 'params' in e && e.message.startsWith('Failed query:')) {
    return `Failed query: ${e.query}`;
  }
  if (isDatabaseError(err)) {
    const head = err.message.split(': ')[0];
    // A data exception quotes the value it refused ('value "…" is out of range for type integer').
    return err.code.startsWith('22') ? head.replace(/"[^"]*"/g, '"…"') : head;
  }
  return err.message;
}

type SerializedError = { type: string; message: string; stack?: string; cause?: SerializedError } & Record<
  string,
  unknown
>;

/**
 * The `err` serializer of every log line: pino's usual fields (type, message, stack, own
 * properties) but never a failed statement's parameters, the row in a constraint's detail, or
 * a message quoting a refused value; causes are kept, each scrubbed alike, with their SQLSTATE.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return err;
  const message = safeErrorMessage(err);
  const type = err.constructor?.name || err.name;
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: SerializedError = { type, message, stack: [`${err.name}: ${message}`, ...frames].join('\n') };
  for (const [key, value] of Object.entries(err)) {
    if (key === 'cause' || key === 'message' || key === 'stack' || VALUE_FIELDS.has(key)) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
    else if (key === 'validation' || key === 'details') out[key] = value;
  }
  if (err.cause !== undefined && depth < MAX_CAUSES)
    out.cause = serializeError(err.cause, depth + 1) as SerializedError;
  return out;
}

/**
 * The `req` serializer: Fastify's usual fields, without the client's address and port on a
 * route whose config says `logClientAddress: false`.
 */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  const hidden = request.routeOptions?.config?.logClientAddress === false;
  return {
    method: request.method,
    url: request.url,
    version: request.headers?.['accept-version'],
    host: request.host,
    ...(hidden ? {} : { remoteAddress: request.ip, remotePort: request.socket?.remotePort }),
  };
}

/** Multipart's trace line logs the parser's options, which hold every request header. */
function serializeBusboyOptions(options: { headers?: unknown } & Record<string, unknown>) {
  const { headers: _headers, ...rest } = options ?? {};
  return rest;
}

/** The serializers that every logger of the app uses (the server's and each request's). */
export const LOG_SERIALIZERS = {
  err: serializeError,
  req: serializeRequest,
  busboyOptions: serializeBusboyOptions,
};

/**
 * Fastify's `logger` option with our serializers on top of whatever the caller gave (the
 * server's default, a test's capturing stream), so that no configuration logs without them.
 */
export function withLogSerializers(
  logger: boolean | Record<string, unknown>,
): false | Record<string, unknown> {
  if (logger === false) return false;
  const base = logger === true ? {} : logger;
  const own = (base.serializers ?? {}) as Record<string, unknown>;
  return { ...base, serializers: { ...own, ...LOG_SERIALIZERS } };
}
