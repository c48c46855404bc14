import { z } from 'zod';

/**
 * The definition format of a self-assessment instrument: the built-in scales are written in it,
 * and an administrator can add a scale in it without code. A definition is data: the scoring
 * engine (`scoring.ts`) reads nothing else, so a stored result that names an instrument version
 * and a norm version can always be explained and re-scored the same way.
 */

/** A text in both interface languages. */
export const ZBilingual = z.object({
  zh: z.string().trim().min(1).max(1000),
  en: z.string().trim().min(1).max(1000),
});
export type TBilingual = z.infer<typeof ZBilingual>;

const ZCode = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _, at most 32');
const ZVersion = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'letters, digits, . _ -, at most 32');

/** An answer option: the value scored and its label. */
export const ZAnswerOption = z.object({
  value: z.number().int().min(0).max(100),
  label: ZBilingual,
});
export type TAnswerOption = z.infer<typeof ZAnswerOption>;

/** An item; `dimension` assigns it to a scale of a profile instrument (RIASEC's R, I, …). */
export const ZItem = z.object({
  text: ZBilingual,
  dimension: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/)
    .optional(),
});
export type TItem = z.infer<typeof ZItem>;

/**
 * A band of the standard score, both ends included (`from` ≤ standard ≤ `to`). Bands come from a
 * norm table; `code` is what the API answers (`normal`, `mild`, …) and the web app explains.
 */
export const ZBand = z.object({
  from: z.number().min(-10_000).max(10_000),
  to: z.number().min(-10_000).max(10_000),
  code: ZCode,
  label: ZBilingual,
});
export type TBand = z.infer<typeof ZBand>;

/** A versioned norm table: changing a cut-off means a new norm version, never an edit. */
export const ZNorms = z.object({
  version: ZVersion,
  /** Where the cut-offs come from (publication, population). */
  source: z.string().trim().max(1000).default(''),
  bands: z.array(ZBand).min(1).max(20),
});
export type TNorms = z.infer<typeof ZNorms>;

/**
 * How the raw total becomes the standard score: × `multiplier`, then `floor` (integer part),
 * `round` (half up: 52.5 → 53) or `none`.
 */
export const ZRounding = z.enum(['floor', 'round', 'none']);
export type TRounding = z.infer<typeof ZRounding>;

/** A sum scale (SAS, SDS, PHQ-9, GAD-7): one raw total, one standard score, one band. */
export const ZTotalScoring = z.object({
  kind: z.literal('total'),
  multiplier: z.number().positive().max(100).default(1),
  rounding: ZRounding.default('none'),
  norms: ZNorms,
});

/** A dimension of a profile instrument. */
export const ZDimension = z.object({
  code: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
  label: ZBilingual,
});

/**
 * A profile instrument (a RIASEC inventory): one sum per dimension and a code made of the
 * `codeLength` highest dimensions; no band.
 */
export const ZProfileScoring = z.object({
  kind: z.literal('profile'),
  dimensions: z.array(ZDimension).min(2).max(12),
  codeLength: z.number().int().min(1).max(12).default(3),
});

export const ZScoring = z.discriminatedUnion('kind', [ZTotalScoring, ZProfileScoring]);
export type TScoring = z.infer<typeof ZScoring>;

/**
 * A flag raised by one answer whatever the total (PHQ-9 item 9 > 0 → `self_harm_item`). The
 * condition compares the answer as given (before any reverse scoring).
 */
export const ZFlagRule = z.object({
  item: z.number().int().min(1),
  op: z.enum(['gt', 'gte', 'eq', 'lte', 'lt']),
  value: z.number().int(),
  code: ZCode,
  label: ZBilingual,
});
export type TFlagRule = z.infer<typeof ZFlagRule>;

/** Where an instrument comes from and on what terms it may be used. */
export const ZInstrumentSource = z.object({
  citation: z.string().trim().min(1).max(1000),
  licence: z.string().trim().min(1).max(1000),
});

const definitionShape = z.object({
  code: ZCode,
  version: ZVersion,
  name: ZBilingual,
  description: ZBilingual,
  /** Shown before the first item; says the period asked about ("the past week"). */
  instructions: ZBilingual,
  source: ZInstrumentSource,
  options: z.array(ZAnswerOption).min(2).max(11),
  items: z.array(ZItem).min(1).max(300),
  /** 1-based numbers of the reverse-scored items: their value v counts as (min + max − v). */
  reverseItems: z.array(z.number().int()).max(300).default([]),
  scoring: ZScoring,
  flags: z.array(ZFlagRule).max(50).default([]),
});

/** What a definition holds once parsed (defaults filled). */
export type TInstrumentDefinition = z.infer<typeof definitionShape>;

/** The definition as listed by the API: the same fields, without the cross-field checks. */
export const ZInstrumentDefinitionOut = definitionShape;

/** The format with every rule a definition must meet; the issues name the offending field. */
export const ZInstrumentDefinition = definitionShape.superRefine((def, ctx) => {
  for (const issue of definitionIssues(def)) ctx.addIssue({ code: 'custom', ...issue });
});

export type TDefinitionIssue = { path: (string | number)[]; message: string };

/** The lowest and highest option values (options are contiguous once valid). */
export function optionRange(def: Pick<TInstrumentDefinition, 'options'>): { min: number; max: number } {
  const values = def.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** raw × multiplier with the rounding rule; float noise (0.29 × 100) is removed before rounding. */
export function standardScore(raw: number, multiplier: number, rounding: TRounding): number {
  const exact = Math.round(raw * multiplier * 1e6) / 1e6;
  if (rounding === 'floor') return Math.floor(exact);
  if (rounding === 'round') return Math.floor(exact + 0.5);
  return exact;
}

function checkOptions(def: TInstrumentDefinition, out: TDefinitionIssue[]): boolean {
  const issues: TDefinitionIssue[] = [];
  const values = def.options.map((o) => o.value);
  const seen = new Set<number>();
  values.forEach((v, i) => {
    if (seen.has(v))
      issues.push({ path: ['options', i, 'value'], message: `Option value ${v} appears twice` });
    seen.add(v);
  });
  const sorted = [...values].sort((a, b) => a - b);
  if (values.some((v, i) => v !== sorted[i])) {
    issues.push({ path: ['options'], message: 'Options must be listed in ascending order of value' });
  }
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i] !== sorted[i - 1] + 1 && sorted[i] !== sorted[i - 1]) {
      issues.push({
        path: ['options'],
        message: `Option values must be contiguous integers: ${sorted[i - 1]} is followed by ${sorted[i]}`,
      });
      break;
    }
  }
  out.push(...issues);
  return issues.length === 0;
}

function checkItemNumbers(def: TInstrumentDefinition, issues: TDefinitionIssue[]): void {
  const n = def.items.length;
  const seen = new Set<number>();
  def.reverseItems.forEach((item, i) => {
    if (item < 1 || item > n) {
      issues.push({
        path: ['reverseItems', i],
        message: `Reverse item ${item} is out of range: the instrument has items 1–${n}`,
      });
    } else if (seen.has(item)) {
      issues.push({ path: ['reverseItems', i], message: `Reverse item ${item} is listed twice` });
    }
    seen.add(item);
  });
  const { min, max } = optionRange(def);
  def.flags.forEach((flag, i) => {
    if (flag.item > n) {
      issues.push({
        path: ['flags', i, 'item'],
        message: `Flag ${flag.code} names item ${flag.item}: the instrument has items 1–${n}`,
      });
    }
    const possible = def.options.some((o) => meetsCondition(o.value, flag.op, flag.value));
    if (!possible) {
      issues.push({
        path: ['flags', i],
        message: `Flag ${flag.code} can never be raised: no answer (${min}–${max}) is ${flag.op} ${flag.value}`,
      });
    }
  });
}

/** The answer-versus-threshold comparison of a flag rule. */
export function meetsCondition(answer: number, op: TFlagRule['op'], value: number): boolean {
  switch (op) {
    case 'gt':
      return answer > value;
    case 'gte':
      return answer >= value;
    case 'eq':
      return answer === value;
    case 'lte':
      return answer <= value;
    case 'lt':
      return answer < value;
  }
}

/**
 * Bands must not overlap, and every standard score the instrument can produce must fall in
 * exactly one band (a gap is named by the score and the raw total that produce it).
 */
function checkBands(
  def: TInstrumentDefinition,
  scoring: Extract<TScoring, { kind: 'total' }>,
  issues: TDefinitionIssue[],
) {
  const bands = scoring.norms.bands;
  const codes = new Set<string>();
  bands.forEach((b, i) => {
    if (b.from > b.to) {
      issues.push({
        path: ['scoring', 'norms', 'bands', i],
        message: `Band ${b.code} ends (${b.to}) before it starts (${b.from})`,
      });
    }
    if (codes.has(b.code)) {
      issues.push({
        path: ['scoring', 'norms', 'bands', i, 'code'],
        message: `Band ${b.code} appears twice`,
      });
    }
    codes.add(b.code);
  });
  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.from - y.b.from);
  for (let k = 1; k < order.length; k += 1) {
    const prev = order[k - 1].b;
    const cur = order[k];
    if (cur.b.from <= prev.to) {
      issues.push({
        path: ['scoring', 'norms', 'bands', cur.i],
        message: `Bands ${prev.code} (${prev.from}–${prev.to}) and ${cur.b.code} (${cur.b.from}–${cur.b.to}) overlap`,
      });
    }
  }
  if (issues.length) return;
  const { min, max } = optionRange(def);
  const n = def.items.length;
  const reached = new Set<string>();
  for (let raw = n * min; raw <= n * max; raw += 1) {
    const standard = standardScore(raw, scoring.multiplier, scoring.rounding);
    const band = bands.find((b) => b.from <= standard && standard <= b.to);
    if (!band) {
      issues.push({
        path: ['scoring', 'norms', 'bands'],
        message: `The bands leave a gap: standard score ${standard} (raw ${raw}) falls in no band`,
      });
      return;
    }
    reached.add(band.code);
  }
  bands.forEach((b, i) => {
    if (!reached.has(b.code)) {
      issues.push({
        path: ['scoring', 'norms', 'bands', i],
        message: `Band ${b.code} (${b.from}–${b.to}) can never be reached: standard scores run ${standardScore(n * min, scoring.multiplier, scoring.rounding)}–${standardScore(n * max, scoring.multiplier, scoring.rounding)}`,
      });
    }
  });
}

function checkDimensions(
  def: TInstrumentDefinition,
  scoring: Extract<TScoring, { kind: 'profile' }>,
  issues: TDefinitionIssue[],
) {
  const codes = new Set<string>();
  scoring.dimensions.forEach((d, i) => {
    if (codes.has(d.code)) {
      issues.push({
        path: ['scoring', 'dimensions', i, 'code'],
        message: `Dimension ${d.code} appears twice`,
      });
    }
    codes.add(d.code);
  });
  const used = new Set<string>();
  def.items.forEach((item, i) => {
    if (!item.dimension) {
      issues.push({ path: ['items', i, 'dimension'], message: `Item ${i + 1} has no dimension` });
    } else if (!codes.has(item.dimension)) {
      issues.push({
        path: ['items', i, 'dimension'],
        message: `Item ${i + 1} names dimension ${item.dimension}, which the scoring does not define`,
      });
    } else used.add(item.dimension);
  });
  scoring.dimensions.forEach((d, i) => {
    if (!used.has(d.code)) {
      issues.push({ path: ['scoring', 'dimensions', i], message: `Dimension ${d.code} has no item` });
    }
  });
  if (scoring.codeLength > scoring.dimensions.length) {
    issues.push({
      path: ['scoring', 'codeLength'],
      message: `The code cannot have ${scoring.codeLength} letters with ${scoring.dimensions.length} dimensions`,
    });
  }
}

/** Every cross-field rule of the format; an empty list means the definition can be scored. */
export function definitionIssues(def: TInstrumentDefinition): TDefinitionIssue[] {
  const issues: TDefinitionIssue[] = [];
  const optionsOk = checkOptions(def, issues);
  checkItemNumbers(def, issues);
  if (def.scoring.kind === 'total') {
    def.items.forEach((item, i) => {
      if (item.dimension) {
        issues.push({
          path: ['items', i, 'dimension'],
          message: `Item ${i + 1} names a dimension, but the instrument is scored as one total`,
        });
      }
    });
    const bandIssues: TDefinitionIssue[] = [];
    if (optionsOk) checkBands(def, def.scoring, bandIssues);
    issues.push(...bandIssues);
  } else {
    checkDimensions(def, def.scoring, issues);
  }
  const flagCodes = new Set<string>();
  def.flags.forEach((f, i) => {
    if (flagCodes.has(`${f.code}:${f.item}`)) {
      issues.push({ path: ['flags', i], message: `Flag ${f.code} on item ${f.item} appears twice` });
    }
    flagCodes.add(`${f.code}:${f.item}`);
  });
  return issues;
}

/**
 * Parses a definition an administrator uploads: the shape, then the rules. The issues say what
 * is wrong in words, with the path of the field.
 */
export function parseDefinition(
  input: unknown,
): { ok: true; definition: TInstrumentDefinition } | { ok: false; issues: TDefinitionIssue[] } {
  const result = ZInstrumentDefinition.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
  };
}
