import { definitionIssues, type TInstrumentDefinition, type TRounding } from './definition.js';
import { GAD7, PHQ9 } from './instruments/phq-gad.js';
import { RIASEC } from './instruments/riasec.js';
import { SAS, SDS } from './instruments/zung.js';

export { GAD7, PHQ9 } from './instruments/phq-gad.js';
export { RIASEC } from './instruments/riasec.js';
export { SAS, SDS } from './instruments/zung.js';

/** The instruments every installation has, in the order the phone pages list them. */
export const BUILTIN_INSTRUMENTS: readonly TInstrumentDefinition[] = [SAS, SDS, PHQ9, GAD7, RIASEC];

/** The codes of the built-in instruments. */
export const BUILTIN_INSTRUMENT_CODES = BUILTIN_INSTRUMENTS.map((d) => d.code);

/** A built-in instrument by its code, or null. */
export function builtinInstrument(code: string): TInstrumentDefinition | null {
  return BUILTIN_INSTRUMENTS.find((d) => d.code === code) ?? null;
}

/**
 * The same scale with another rounding rule, as a new instrument version (`1.0` → `1.0-round`):
 * the rounding rule moves scores across band edges (SDS raw 42, 50, 58), so a result must say
 * which rule produced it.
 */
export function withRounding(def: TInstrumentDefinition, rounding: TRounding): TInstrumentDefinition {
  if (def.scoring.kind !== 'total') throw new Error(`${def.code} has no standard score to round`);
  if (def.scoring.rounding === rounding) return def;
  const variant: TInstrumentDefinition = {
    ...def,
    version: `${def.version.replace(/-(floor|round|none)$/, '')}-${rounding}`,
    scoring: { ...def.scoring, rounding },
  };
  const issues = definitionIssues(variant);
  if (issues.length) throw new Error(`${def.code} with rounding ${rounding}: ${issues[0].message}`);
  return variant;
}
