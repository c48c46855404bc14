import { meetsCondition, optionRange, standardScore, type TInstrumentDefinition } from './definition.js';

/**
 * The pure scoring engine. It reads only the definition and the answers, stores and logs
 * nothing, and says which versions it scored with, so that a stored result can name them.
 */

/**
 * A problem with the answers: `item` is the item number as the person saw it (from 1), `path` the
 * place in the request (`answers.3` is the 4th answer; `answers` for a wrong count).
 */
export type TAnswerIssue = { item: number; path: string; message: string };

/** The result of a sum scale: raw total, standard score, band, flags. */
export type TTotalResult = {
  kind: 'total';
  instrument: string;
  instrumentVersion: string;
  normVersion: string;
  raw: number;
  standard: number;
  band: string;
  flags: string[];
};

/** The result of a profile instrument: a score per dimension and the code of the highest. */
export type TProfileResult = {
  kind: 'profile';
  instrument: string;
  instrumentVersion: string;
  normVersion: null;
  profile: { dimension: string; score: number }[];
  code: string;
  /** True when equal scores decided a letter of the code or its order (ties go to the listed order). */
  tied: boolean;
  flags: string[];
};

export type TScoreResult = TTotalResult | TProfileResult;

/** Thrown by `scoreInstrument` for answers that do not fit the definition. */
export class InvalidAnswersError extends Error {
  readonly issues: TAnswerIssue[];
  constructor(issues: TAnswerIssue[]) {
    super(issues[0]?.message ?? 'Invalid answers');
    this.name = 'InvalidAnswersError';
    this.issues = issues;
  }
}

const MAX_LISTED = 10;

/**
 * Checks a list of answers against a definition: one answer per item, each the value of an
 * option. Every issue names the item, counted from 1 as the person saw it.
 */
export function checkAnswers(def: TInstrumentDefinition, answers: readonly unknown[]): TAnswerIssue[] {
  const issues: TAnswerIssue[] = [];
  const n = def.items.length;
  const { min, max } = optionRange(def);
  const allowed = def.options.map((o) => o.value).join(', ');
  if (answers.length < n) {
    const missing = Array.from({ length: n - answers.length }, (_, i) => answers.length + i + 1);
    const listed = missing.slice(0, MAX_LISTED).join(', ') + (missing.length > MAX_LISTED ? ', …' : '');
    issues.push({
      item: missing[0],
      path: 'answers',
      message: `${n} answers are needed, ${answers.length} were given: no answer for item${missing.length > 1 ? 's' : ''} ${listed}`,
    });
  } else if (answers.length > n) {
    issues.push({
      item: n + 1,
      path: 'answers',
      message: `${n} answers are needed, ${answers.length} were given: item ${n + 1} does not exist (the instrument has items 1–${n})`,
    });
  }
  answers.slice(0, n).forEach((a, i) => {
    const item = i + 1;
    if (typeof a !== 'number' || !Number.isInteger(a)) {
      issues.push({
        item,
        path: `answers.${i}`,
        message: `Item ${item}: the answer must be one of ${allowed}, not ${JSON.stringify(a) ?? 'nothing'}`,
      });
    } else if (a < min || a > max) {
      issues.push({
        item,
        path: `answers.${i}`,
        message: `Item ${item}: ${a} is out of range (answers are ${allowed})`,
      });
    }
  });
  return issues;
}

/** The value an answer counts for: reverse-scored items count (min + max − v). */
function scoredValues(def: TInstrumentDefinition, answers: readonly number[]): number[] {
  const { min, max } = optionRange(def);
  const reverse = new Set(def.reverseItems);
  return answers.map((a, i) => (reverse.has(i + 1) ? min + max - a : a));
}

function raisedFlags(def: TInstrumentDefinition, answers: readonly number[]): string[] {
  const flags: string[] = [];
  for (const rule of def.flags) {
    if (meetsCondition(answers[rule.item - 1], rule.op, rule.value) && !flags.includes(rule.code)) {
      flags.push(rule.code);
    }
  }
  return flags;
}

/**
 * Scores answers (one per item, in item order) with a valid definition. Throws
 * `InvalidAnswersError` when the answers do not fit; never stores or logs anything.
 */
export function scoreInstrument(def: TInstrumentDefinition, answers: readonly unknown[]): TScoreResult {
  const issues = checkAnswers(def, answers);
  if (issues.length) throw new InvalidAnswersError(issues);
  const given = answers as readonly number[];
  const values = scoredValues(def, given);
  const flags = raisedFlags(def, given);
  const scoring = def.scoring;
  if (scoring.kind === 'total') {
    const raw = values.reduce((s, v) => s + v, 0);
    const standard = standardScore(raw, scoring.multiplier, scoring.rounding);
    const band = scoring.norms.bands.find((b) => b.from <= standard && standard <= b.to);
    // A definition that passed the format has a band for every reachable score.
    if (!band) throw new Error(`${def.code} ${def.version}: no band for standard score ${standard}`);
    return {
      kind: 'total',
      instrument: def.code,
      instrumentVersion: def.version,
      normVersion: scoring.norms.version,
      raw,
      standard,
      band: band.code,
      flags,
    };
  }
  const profile = scoring.dimensions.map((d) => ({
    dimension: d.code,
    score: values.reduce((s, v, i) => (def.items[i].dimension === d.code ? s + v : s), 0),
  }));
  // A stable sort keeps the listed order (R, I, A, S, E, C) among equal scores.
  const ranked = [...profile].sort((a, b) => b.score - a.score);
  const k = scoring.codeLength;
  let tied = false;
  for (let i = 0; i < Math.min(k, ranked.length - 1); i += 1) {
    if (ranked[i].score === ranked[i + 1].score) tied = true;
  }
  return {
    kind: 'profile',
    instrument: def.code,
    instrumentVersion: def.version,
    normVersion: null,
    profile,
    code: ranked
      .slice(0, k)
      .map((r) => r.dimension)
      .join(''),
    tied,
    flags,
  };
}
