import { randomBytes, randomUUID } from 'node:crypto';

/** The part of JSON Schema (as the OpenAPI document spells the zod schemas) that the fuzzer reads. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
};

/** Texts that satisfy the patterns the API uses (dates, times, month, codes, phone, e-mail, keys). */
const PATTERN_SAMPLES = [
  '2026-03-02',
  '2026-03-02T08:00:00Z',
  '2026-03',
  '09:30',
  'KX260302-ABCDE',
  '13800138000',
  'fuzz@example.com',
  'fuzz_key',
  'FZ-01',
];
/** Texts that match a pattern and still mean nothing: 30 February, month 00, the year 0. */
const PATTERN_EDGES = [
  '2026-02-30',
  '0000-00-00',
  '2026-13',
  '0000-01',
  '24:00',
  'KX000000-22222',
  '19999999999',
];

function matching(pattern: string, candidates: string[]): string | undefined {
  const re = new RegExp(pattern);
  return candidates.find((c) => re.test(c));
}

/** The first alternative that is not just null (zod's optional and nullable spellings). */
function alternative(schema: JsonSchema): JsonSchema | undefined {
  const list = schema.anyOf ?? schema.oneOf;
  if (!list) return undefined;
  return list.find((s) => s.type !== 'null') ?? list[0];
}

function typeOf(schema: JsonSchema): string | undefined {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t) return t;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return '2026-03-02T08:00:00Z';
  if (schema.format === 'email') return 'fuzz@example.com';
  if (schema.format === 'uri') return 'https://example.com/hook';
  if (schema.pattern) return matching(schema.pattern, PATTERN_SAMPLES) ?? 'fuzz';
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 40;
  return '模糊测试文本fuzz'
    .repeat(Math.ceil(Math.max(min, 6) / 10))
    .slice(0, Math.max(min, Math.min(max, 12)));
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  let n = schema.minimum ?? 1;
  if (schema.exclusiveMinimum === true) n += 1;
  if (typeof schema.exclusiveMinimum === 'number') n = schema.exclusiveMinimum + 1;
  if (schema.maximum !== undefined && n > schema.maximum) n = schema.maximum;
  return integer ? Math.ceil(n) : n;
}

/** A value the schema accepts, as far as a generator without a regex engine can tell: the "valid-looking" input. */
export function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.allOf?.length) return sample(Object.assign({}, ...schema.allOf), depth);
  const alt = alternative(schema);
  if (alt) return sample(alt, depth);
  switch (typeOf(schema)) {
    case 'string':
      return sampleString(schema);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return schema.default ?? true;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sample(schema.items, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) out[key] = sample(prop, depth + 1);
      if (!schema.properties && typeof schema.additionalProperties === 'object') {
        out.fuzz = sample(schema.additionalProperties, depth + 1);
      }
      return out;
    }
    default:
      return schema.default ?? 'fuzz';
  }
}

/** Where a value sits in a body, and the schema it was made from. */
export type Leaf = { path: (string | number)[]; schema: JsonSchema; value: unknown };

/** Every field of a sampled body (objects and arrays too, for their own wrong types). */
export function leaves(
  schema: JsonSchema | undefined,
  value: unknown,
  path: (string | number)[] = [],
): Leaf[] {
  if (!schema) return [];
  const alt = alternative(schema);
  const s = alt ?? (schema.allOf?.length ? Object.assign({}, ...schema.allOf) : schema);
  const here: Leaf[] = path.length ? [{ path, schema: s, value }] : [];
  if (Array.isArray(value) && value.length) return [...here, ...leaves(s.items, value[0], [...path, 0])];
  if (value && typeof value === 'object') {
    const props = s.properties ?? {};
    return [
      ...here,
      ...Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        leaves(
          props[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined),
          v,
          [...path, k],
        ),
      ),
    ];
  }
  return here;
}

/** A copy of a body with one field replaced. */
export function replaced(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

/** Text that does not compress, so that a long value really is long where it is stored and indexed. */
export const LONG_TEXT = randomBytes(15_000).toString('base64');
export const NUL = 'fuzz\u0000text';
export const LONE_SURROGATE = 'fuzz\ud800text';

/** The hostile values tried in one field, by what the field holds: each is one request. */
export function hostileValues(leaf: Leaf): [string, unknown][] {
  const type = leaf.schema.enum ? 'enum' : typeOf(leaf.schema);
  switch (type) {
    case 'string': {
      const out: [string, unknown][] = [
        ['NUL', NUL],
        ['lone surrogate', LONE_SURROGATE],
        ['long string', LONG_TEXT],
        ['number for a string', 12345],
      ];
      const edge = leaf.schema.pattern && matching(leaf.schema.pattern, PATTERN_EDGES);
      if (edge) out.push(['meaningless match of the pattern', edge]);
      return out;
    }
    case 'enum':
      return [
        ['NUL', NUL],
        ['not one of the values', 'not_a_value'],
      ];
    case 'integer':
    case 'number':
      return [
        ['beyond int4', 2147483648],
        ['largest safe integer', 9007199254740991],
        ['huge', 1e308],
        ['negative', -1],
        ['fraction', 1.5],
        ['string for a number', 'abc'],
      ];
    case 'boolean':
      return [['string for a boolean', 'yes']];
    case 'array':
      return [
        ['object for an array', { 0: leaf.value }],
        ['string for an array', LONE_SURROGATE],
      ];
    case 'object':
      return [
        ['array for an object', [leaf.value]],
        ['null for an object', null],
      ];
    default:
      return [['NUL', NUL]];
  }
}

/** Whole bodies that are wrong before any field is: broken JSON, wrong roots, deep nesting, prototype keys. */
export const HOSTILE_BODIES: [string, string][] = [
  ['malformed JSON', '{"broken":'],
  ['array for the body', '[{"a":1}]'],
  ['string for the body', '"text"'],
  ['number for the body', '1e308'],
  ['null for the body', 'null'],
  ['deeply nested arrays', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ['prototype key', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'],
  ['NUL in a key', '{"fu\\u0000zz":1}'],
];

/** Path segments (already encoded) that no client of ours sends in place of a valid one. */
export const HOSTILE_SEGMENTS: [string, string][] = [
  ['zero', '0'],
  ['negative', '-1'],
  ['beyond int4', '2147483648'],
  ['largest safe integer', '9007199254740991'],
  ['beyond bigint', '99999999999999999999999'],
  ['fraction', '1.5'],
  ['text', 'abc'],
  ['NUL', 'a%00b'],
  ['lone surrogate (CESU-8)', 'a%ED%A0%80b'],
  ['broken percent-encoding', '%E0%A4%A'],
  ['long', 'x'.repeat(3000)],
  ['not a UUID', '00000000-0000-0000-0000-00000000000g'],
];

/** Query values (already encoded), tried one parameter at a time. */
export const HOSTILE_QUERY: [string, string][] = [
  ['NUL', 'a%00b'],
  ['lone surrogate (CESU-8)', '%ED%A0%80'],
  ['long', 'x'.repeat(5000)],
  ['huge number', '99999999999999999999'],
  ['beyond int4', '2147483648'],
  ['text', 'abc'],
  ['empty', ''],
  ['meaningless date', '2026-02-30'],
];
