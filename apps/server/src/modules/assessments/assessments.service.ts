import {
  InvalidAnswersError,
  scoreInstrument,
  type TInstrumentDefinition,
  type TScoreResult,
} from '@lifeline/shared';
import { AppError } from '../../platform/errors.js';

/** Scores answers against a definition; answers that do not fit are a `validation_failed` naming the item. */
export function scoreAnswers(def: TInstrumentDefinition, answers: readonly unknown[]): TScoreResult {
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
