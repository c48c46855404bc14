import {
  BUILTIN_INSTRUMENTS,
  GAD7,
  PHQ9,
  parseDefinition,
  RIASEC,
  SAS,
  SDS,
  scoreInstrument,
  type TInstrumentDefinition,
  withRounding,
  ZInstrumentDefinition,
} from '@lifeline/shared';
import { describe, expect, it } from 'vitest';

/**
 * The definition format: the built-ins are written in it, an administrator's scale can be added
 * in it, and a definition that cannot be scored is refused with issues that say what and where.
 */

const t = (s: string) => ({ zh: s, en: s });
/** A copy as an administrator would upload it (plain JSON), with some fields replaced. */
// biome-ignore lint/suspicious/noExplicitAny: a test edits uploaded JSON freely, as an administrator could
type Json = any;
const upload = (def: TInstrumentDefinition, patch: (d: Json) => void = () => {}) => {
  const copy = JSON.parse(JSON.stringify(def));
  patch(copy);
  return copy;
};
const messages = (input: unknown) => {
  const r = parseDefinition(input);
  if (r.ok) throw new Error('the definition was accepted');
  return r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('instrument definition format', () => {
  it('holds every built-in instrument, as data that survives JSON', () => {
    expect(BUILTIN_INSTRUMENTS.map((d) => d.code)).toEqual(['sas', 'sds', 'phq9', 'gad7', 'riasec']);
    for (const def of BUILTIN_INSTRUMENTS) {
      const parsed = parseDefinition(upload(def));
      expect(parsed, def.code).toEqual({ ok: true, definition: def });
      for (const item of def.items) {
        expect(item.text.zh.length, def.code).toBeGreaterThan(1);
        expect(item.text.en.length, def.code).toBeGreaterThan(1);
      }
      for (const o of def.options) expect(o.label.zh && o.label.en).toBeTruthy();
    }
  });

  it('keeps the instrument version and the norm version apart', () => {
    expect(SAS.version).toBe('1.0');
    expect(SAS.scoring.kind === 'total' && SAS.scoring.norms.version).toBe('cn-1');
    expect(SAS.reverseItems).toEqual([5, 9, 13, 17, 19]);
    expect(SDS.reverseItems).toEqual([2, 5, 6, 11, 12, 14, 16, 17, 18, 20]);
    expect(SDS.scoring).toMatchObject({ multiplier: 1.25, rounding: 'floor' });
  });

  it('lets an administrator add a scale without code, and scores it', () => {
    const sleep = {
      code: 'sleep_check',
      version: '2026.1',
      name: t('Sleep check'),
      description: t('A made-up test scale'),
      instructions: t('Past week'),
      source: { citation: 'Test', licence: 'Test' },
      options: [0, 1, 2].map((value) => ({ value, label: t(`v${value}`) })),
      items: [t('a'), t('b'), t('c'), t('d'), t('e')].map((text) => ({ text })),
      reverseItems: [5],
      scoring: {
        kind: 'total',
        multiplier: 10,
        rounding: 'none',
        norms: {
          version: 'local-1',
          bands: [
            { from: 0, to: 40, code: 'good', label: t('Good') },
            { from: 50, to: 100, code: 'poor', label: t('Poor') },
          ],
        },
      },
      flags: [{ item: 2, op: 'eq', value: 2, code: 'wakes_at_night', label: t('Wakes at night') }],
    };
    const parsed = parseDefinition(sleep);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    // 1 + 2 + 0 + 1 + (2 − 2 = 0 reversed) = 4 → 40.
    expect(scoreInstrument(parsed.definition, [1, 2, 0, 1, 2])).toMatchObject({
      instrument: 'sleep_check',
      instrumentVersion: '2026.1',
      normVersion: 'local-1',
      raw: 4,
      standard: 40,
      band: 'good',
      flags: ['wakes_at_night'],
    });
  });

  it('refuses bands that overlap', () => {
    const def = upload(SAS, (d) => {
      d.scoring.norms.bands[1].from = 45;
    });
    expect(messages(def)).toEqual(['scoring.norms.bands.1: Bands normal (25–49) and mild (45–59) overlap']);
  });

  it('refuses bands that leave a gap, naming the score that falls through', () => {
    const def = upload(PHQ9, (d) => {
      d.scoring.norms.bands[1].from = 6;
    });
    expect(messages(def)).toEqual([
      'scoring.norms.bands: The bands leave a gap: standard score 5 (raw 5) falls in no band',
    ]);
    const top = upload(PHQ9, (d) => {
      d.scoring.norms.bands[4].to = 26;
    });
    expect(messages(top)).toEqual([
      'scoring.norms.bands: The bands leave a gap: standard score 27 (raw 27) falls in no band',
    ]);
  });

  it('refuses a rounding rule whose scores fall between integer bands', () => {
    expect(messages(upload(SDS, (d) => (d.scoring.rounding = 'none')))).toEqual([
      'scoring.norms.bands: The bands leave a gap: standard score 52.5 (raw 42) falls in no band',
    ]);
    expect(() => withRounding(SDS, 'none')).toThrow('standard score 52.5 (raw 42)');
    expect(withRounding(SDS, 'round')).toMatchObject({
      version: '1.0-round',
      scoring: { rounding: 'round' },
    });
    expect(withRounding(withRounding(SDS, 'round'), 'floor').version).toBe('1.0-floor');
  });

  it('refuses bands that end before they start, repeat a code or can never be reached', () => {
    expect(
      messages(
        upload(PHQ9, (d) => {
          d.scoring.norms.bands[4] = { from: 20, to: 19, code: 'mild', label: t('x') };
        }),
      ),
    ).toEqual([
      'scoring.norms.bands.4: Band mild ends (19) before it starts (20)',
      'scoring.norms.bands.4.code: Band mild appears twice',
    ]);
    expect(
      messages(
        upload(PHQ9, (d) => {
          d.scoring.norms.bands[4].to = 30;
          d.scoring.norms.bands.push({ from: 31, to: 40, code: 'beyond', label: t('x') });
        }),
      ),
    ).toEqual(['scoring.norms.bands.5: Band beyond (31–40) can never be reached: standard scores run 0–27']);
  });

  it('refuses reverse items out of range or repeated', () => {
    expect(messages(upload(SAS, (d) => (d.reverseItems = [0, 5, 21, 5])))).toEqual([
      'reverseItems.0: Reverse item 0 is out of range: the instrument has items 1–20',
      'reverseItems.2: Reverse item 21 is out of range: the instrument has items 1–20',
      'reverseItems.3: Reverse item 5 is listed twice',
    ]);
  });

  it('refuses options that are not contiguous, repeated or out of order', () => {
    expect(messages(upload(PHQ9, (d) => (d.options[3].value = 4)))).toEqual([
      'options: Option values must be contiguous integers: 2 is followed by 4',
    ]);
    expect(messages(upload(PHQ9, (d) => (d.options[3].value = 2)))[0]).toBe(
      'options.3.value: Option value 2 appears twice',
    );
    expect(messages(upload(PHQ9, (d) => d.options.reverse()))).toEqual([
      'options: Options must be listed in ascending order of value',
    ]);
    expect(messages(upload(PHQ9, (d) => (d.options = [d.options[0]])))[0]).toMatch(/^options:/);
    expect(messages(upload(PHQ9, (d) => (d.options[0].value = 0.5)))[0]).toMatch(/^options\.0\.value:/);
  });

  it('refuses flags on items that do not exist or that no answer can raise', () => {
    expect(messages(upload(PHQ9, (d) => (d.flags[0].item = 10)))).toEqual([
      'flags.0.item: Flag self_harm_item names item 10: the instrument has items 1–9',
    ]);
    expect(messages(upload(PHQ9, (d) => (d.flags[0].value = 3)))).toEqual([
      'flags.0: Flag self_harm_item can never be raised: no answer (0–3) is gt 3',
    ]);
  });

  it('refuses profile instruments whose items and dimensions do not match', () => {
    expect(
      messages(
        upload(RIASEC, (d) => {
          delete d.items[0].dimension;
          d.items[1].dimension = 'X';
          d.scoring.codeLength = 7;
        }),
      ),
    ).toEqual([
      'items.0.dimension: Item 1 has no dimension',
      'items.1.dimension: Item 2 names dimension X, which the scoring does not define',
      'scoring.codeLength: The code cannot have 7 letters with 6 dimensions',
    ]);
    expect(messages(upload(RIASEC, (d) => d.scoring.dimensions.push({ code: 'Z', label: t('Z') })))).toEqual([
      'scoring.dimensions.6: Dimension Z has no item',
    ]);
    expect(messages(upload(SAS, (d) => (d.items[0].dimension = 'R')))).toEqual([
      'items.0.dimension: Item 1 names a dimension, but the instrument is scored as one total',
    ]);
  });

  it('refuses a malformed definition field by field', () => {
    const issues = messages({ ...upload(GAD7), code: 'GAD 7', items: [], scoring: { kind: 'band' } });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^code: lower-case letters/),
        expect.stringMatching(/^items: /),
        expect.stringMatching(/^scoring\.kind: /),
      ]),
    );
    expect(ZInstrumentDefinition.safeParse(null).success).toBe(false);
  });
});
