import {
  BUILTIN_INSTRUMENTS,
  builtinInstrument,
  parseDefinition,
  type TInstrumentDefinition,
  withRounding,
} from '@lifeline/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { assessmentScales } from './assessments.table.js';
import { wellbeingSettings } from './settings/wellbeing-settings.js';

/**
 * The instrument catalogue: the built-ins and the scales administrators uploaded. Every lookup
 * of an instrument goes through here, so a retired scale still explains the results it scored.
 */

function parsed(row: { definition: Record<string, unknown> }): TInstrumentDefinition | null {
  const r = parseDefinition(row.definition);
  return r.ok ? r.definition : null;
}

const ZUNG = new Set(['sas', 'sds']);

/** The built-ins as configured: the Zung scales with the rounding rule of the settings. */
async function builtins(db: Db): Promise<TInstrumentDefinition[]> {
  const { zungRounding } = await wellbeingSettings(db);
  return BUILTIN_INSTRUMENTS.map((d) => (ZUNG.has(d.code) ? withRounding(d, zungRounding) : d));
}

/** The instruments on offer now: built-ins first, then active uploaded scales by code. */
export async function activeInstruments(db: Db): Promise<TInstrumentDefinition[]> {
  const rows = await db
    .select({ definition: assessmentScales.definition })
    .from(assessmentScales)
    .where(eq(assessmentScales.status, 'active'))
    .orderBy(assessmentScales.code);
  return [...(await builtins(db)), ...rows.map(parsed).filter((d): d is TInstrumentDefinition => d !== null)];
}

/** The instrument on offer under a code, or a `validation_failed` naming the field. */
export async function offeredInstrument(
  db: Db,
  code: string,
  path = 'body.instrument',
): Promise<TInstrumentDefinition> {
  if (builtinInstrument(code)) return (await builtins(db)).find((d) => d.code === code)!;
  const [row] = await db
    .select({ definition: assessmentScales.definition })
    .from(assessmentScales)
    .where(and(eq(assessmentScales.code, code), eq(assessmentScales.status, 'active')));
  const def = row ? parsed(row) : null;
  if (def) return def;
  const codes = (await activeInstruments(db)).map((d) => d.code).join(', ');
  const message = `Unknown instrument "${code.slice(0, 32)}": use one of ${codes}`;
  throw new AppError('validation_failed', message, { issues: [{ path, message }] });
}

/** Names of every instrument ever offered (retired scales included), for labelling stored results. */
export async function instrumentNames(db: Db): Promise<Map<string, { zh: string; en: string }>> {
  const names = new Map(BUILTIN_INSTRUMENTS.map((d) => [d.code, d.name]));
  const rows = await db
    .select({
      code: assessmentScales.code,
      definition: assessmentScales.definition,
      status: assessmentScales.status,
    })
    .from(assessmentScales);
  for (const row of rows.sort((a, b) => (a.status === 'active' ? 1 : 0) - (b.status === 'active' ? 1 : 0))) {
    const def = parsed(row);
    if (def) names.set(row.code, def.name);
  }
  return names;
}
