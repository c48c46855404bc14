import { ERROR_STATUS, type TErrorBody, type TErrorCode } from '@lifeline/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { databaseErrorIn, inputFailure } from '../db/db-errors.js';
import { AppError } from '../errors.js';

function send(reply: FastifyReply, status: number, code: TErrorCode, message: string, details?: unknown) {
  const body: TErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, [number, TErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
  FST_REQ_FILE_TOO_LARGE: [413, 'payload_too_large', 'The uploaded file is too large'],
  FST_FILES_LIMIT: [413, 'payload_too_large', 'Too many files in one request'],
  FST_PARTS_LIMIT: [413, 'payload_too_large', 'Too many parts in one request'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Unsupported content type'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'unsupported_media_type', 'Expected a multipart/form-data body'],
  FST_FIELDS_LIMIT: [413, 'payload_too_large', 'Too many fields in one request'],
  FST_INVALID_JSON_FIELD_ERROR: [400, 'bad_request', 'A multipart field declared as JSON is not valid JSON'],
  FST_PROTO_VIOLATION: [400, 'bad_request', 'A multipart field has a forbidden name'],
  FST_MP_PREMATURE_CLOSE: [400, 'bad_request', 'The multipart body ended early'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request', 'The body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'Content-Length does not match the body'],
  FST_ERR_VALIDATION: [400, 'validation_failed', 'The request is not valid'],
};

/**
 * The multipart parser (busboy) reports a body it cannot read with plain errors; these are its
 * messages (no boundary, a body that ends inside a part, a broken part header).
 */
const MULTIPART_PARSE_ERROR =
  /^(Multipart: |Boundary required|Unexpected end of (multipart data|form)|Malformed part header|Missing Content-Type|Unsupported content type)|terminated early/;

function isMultipartParseError(err: Error, request: FastifyRequest): boolean {
  const code = (err as { code?: unknown }).code;
  return code === undefined && request.isMultipart?.() === true && MULTIPART_PARSE_ERROR.test(err.message);
}

const STATUS_CODES: Record<number, TErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * One place that turns anything thrown into `{ error: { code, message, details } }`. Bad input
 * always answers 4xx with a code — including what the database refuses because of the input
 * (SQLSTATE class 22, unique and foreign keys, lost races), answered without the statement —
 * and unknown failures answer a generic 500 and go to the log.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.code === 'rate_limited' || err.code === 'account_locked') {
        const retryAfter = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retryAfter) reply.header('retry-after', String(retryAfter));
      }
      return send(reply, err.status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues = err.validation.map((v) => ({
        path: [
          where,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: v.message ?? 'invalid',
      }));
      return send(
        reply,
        400,
        'validation_failed',
        `Invalid ${where}: ${issues[0]?.path} ${issues[0]?.message}`,
        {
          issues,
        },
      );
    }
    const database = databaseErrorIn(err);
    const failure = database && inputFailure(database);
    if (failure) {
      // The statement and its values stay out of the answer; the log's serializer drops the values.
      request.log.info({ err }, 'input refused by the database');
      return send(reply, ERROR_STATUS[failure.code], failure.code, failure.message);
    }
    if (isMultipartParseError(err, request)) {
      return send(reply, 400, 'bad_request', 'The multipart body is malformed');
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, cause: err.cause }, 'response did not match its schema');
      return send(reply, 500, 'internal', 'Internal error');
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return send(reply, known[0], known[1], known[2]);
    if (err instanceof SyntaxError && err.statusCode === 400) {
      return send(reply, 400, 'bad_request', 'The body is not valid JSON');
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(reply, status, STATUS_CODES[status] ?? 'bad_request', err.message || 'Bad request');
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', 'Internal error');
  });
}

/** 404 for unknown API routes (the web app's fallback is installed separately). */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
}
