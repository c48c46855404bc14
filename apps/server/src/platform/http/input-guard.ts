import { unsafeTextProblem } from '@lifeline/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

type Issue = { path: string; message: string };

const MESSAGES = {
  nul_character: 'contains a NUL character',
  lone_surrogate: 'contains a lone surrogate',
} as const;
const MAX_ISSUES = 10;

/** A key as it may appear in a path of the answer: its unsafe characters replaced. */
function printable(key: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing the NUL character is the point.
  return unsafeTextProblem(key) ? key.replace(/[\u0000\ud800-\udfff]/g, '\ufffd') : key;
}

/**
 * The paths of the strings (values and keys) in a parsed input that the database could not
 * store. Walks without recursion, so that a deeply nested body cannot exhaust the stack.
 */
export function unsafeTextIssues(root: unknown, rootPath: string): Issue[] {
  const issues: Issue[] = [];
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length && issues.length < MAX_ISSUES) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      const problem = unsafeTextProblem(value);
      if (problem) issues.push({ path, message: MESSAGES[problem] });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push([value[i], `${path}.${i}`]);
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value).reverse()) {
        const problem = unsafeTextProblem(key);
        if (problem) issues.push({ path: `${path}.${printable(key)}`, message: `key ${MESSAGES[problem]}` });
        stack.push([item, `${path}.${printable(key)}`]);
      }
    }
  }
  return issues;
}

/** Throws 400 validation_failed naming each place of the input that holds unstorable text. */
export function assertStorableText(value: unknown, path: string): void {
  const issues = unsafeTextIssues(value, path);
  if (issues.length) {
    throw new AppError('validation_failed', `${issues[0].path} ${issues[0].message}`, {
      issues,
    });
  }
}

type Part = {
  type: 'file' | 'field';
  fieldname: string;
  filename?: string;
  value?: unknown;
  fields?: Record<string, unknown>;
};

/** A multipart field's text, and the strings inside it when it holds JSON (a form's "item" field). */
function checkField(part: Part): void {
  const path = `multipart.${printable(part.fieldname)}`;
  assertStorableText(part.fieldname, `${path}.name`);
  assertStorableText(part.value, path);
  if (typeof part.value === 'string' && /^\s*[[{]/.test(part.value)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(part.value);
    } catch {
      return;
    }
    assertStorableText(parsed, path);
  }
}

function checkPart(part: Part | undefined): void {
  if (!part) return;
  if (part.type === 'field') {
    checkField(part);
    return;
  }
  const path = `multipart.${printable(part.fieldname)}`;
  assertStorableText(part.fieldname, `${path}.name`);
  assertStorableText(part.filename ?? '', `${path}.filename`);
  for (const field of Object.values(part.fields ?? {})) {
    for (const f of [field].flat() as Part[]) if (f?.type === 'field') checkField(f);
  }
}

/** Makes a multipart request's parts pass the same check as a JSON body as the handler reads them. */
function guardMultipart(request: FastifyRequest): void {
  const parts = request.parts.bind(request);
  const file = request.file.bind(request);
  const files = request.files.bind(request);
  request.parts = async function* guardedParts(options) {
    for await (const part of parts(options)) {
      checkPart(part as Part);
      yield part;
    }
  };
  request.files = async function* guardedFiles(options) {
    for await (const part of files(options)) {
      checkPart(part as Part);
      yield part;
    }
  };
  request.file = async (options) => {
    const part = await file(options);
    checkPart(part as Part | undefined);
    return part;
  };
}

/**
 * One check for every route: text that PostgreSQL cannot store (NUL, lone surrogates) is
 * refused with 400 before validation, wherever it sits — body, query string, path parameters,
 * multipart fields and file names — so that it never reaches a statement or the audit log.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    assertStorableText(request.params, 'params');
    assertStorableText(request.query, 'query');
    if (request.isMultipart?.()) guardMultipart(request);
    else assertStorableText(request.body, 'body');
  });
}
