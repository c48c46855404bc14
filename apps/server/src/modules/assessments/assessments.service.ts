import {
  BUILTIN_INSTRUMENT_CODES,
  BUILTIN_INSTRUMENTS,
  builtinInstrument,
  InvalidAnswersError,
  scoreInstrument,
  type TInstrumentDefinition,
  type TScoreResult,
} from '@lifeline/shared';
import { AppError } from '../../platform/errors.js';

/** The instruments offered for a self-check: the built-ins (administrators' scales come later). */
export function listInstruments(): TInstrumentDefinition[] {
  return [...BUILTIN_INSTRUMENTS];
}

function instrumentFor(code: string): TInstrumentDefinition {
  const def = builtinInstrument(code);
  if (def) return def;
  const message = `Unknown instrument "${code.slice(0, 32)}": use one of ${BUILTIN_INSTRUMENT_CODES.join(', ')}`;
  throw new AppError('validation_failed', message, { issues: [{ path: 'body.instrument', message }] });
}

/**
 * Scores a self-check and returns the result, storing nothing: no table, no audit row, no log
 * line with the answers (the request logger records method, URL and status only). Answers that
 * do not fit are a `validation_failed` whose message and issues name the item (from 1).
 */
export function selfCheck(code: string, answers: readonly unknown[]): TScoreResult {
  const def = instrumentFor(code);
  try {
    return scoreInstrument(def, answers);
  } catch (err) {
    if (!(err instanceof InvalidAnswersError)) throw err;
    const more = err.issues.length > 1 ? ` (and ${err.issues.length - 1} more)` : '';
    throw new AppError('validation_failed', `${def.name.en}: ${err.message}${more}`, {
      issues: err.issues.map((i) => ({ path: `body.${i.path}`, item: i.item, message: i.message })),
    });
  }
}
