import {
  checkAnswers,
  GAD7,
  InvalidAnswersError,
  PHQ9,
  RIASEC,
  SAS,
  SDS,
  scoreInstrument,
  type TInstrumentDefinition,
  type TScoreResult,
  withRounding,
} from '@lifeline/shared';
import { describe, expect, it } from 'vitest';

/**
 * The scoring engine on every built-in instrument: the lowest and highest answers, reverse items,
 * every band edge, flags, and answers that do not fit. Expected standard scores are computed
 * here in integer arithmetic (raw × 5 / 4), independently of the engine's rule.
 */

const fill = (n: number, v: number) => Array.from({ length: n }, () => v);

/**
 * Answers that produce a given raw total: start from the lowest scored value on every item and
 * add one point at a time, then turn scored values back into the answers a person gives (a
 * reverse item scored 4 was answered 1).
 */
function answersForRaw(def: TInstrumentDefinition, raw: number): number[] {
  const values = def.options.map((o) => o.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const n = def.items.length;
  const scored = fill(n, min);
  let left = raw - n * min;
  if (left < 0 || left > n * (max - min)) throw new Error(`raw ${raw} is out of reach`);
  for (let i = 0; left > 0; i = (i + 1) % n) {
    if (scored[i] < max) {
      scored[i] += 1;
      left -= 1;
    }
  }
  const reverse = new Set(def.reverseItems);
  return scored.map((v, i) => (reverse.has(i + 1) ? min + max - v : v));
}

const total = (r: TScoreResult) => {
  if (r.kind !== 'total') throw new Error('not a total scale');
  return r;
};
const score = (def: TInstrumentDefinition, answers: unknown[]) => total(scoreInstrument(def, answers));

describe('SAS (Zung anxiety)', () => {
  it('scores all-minimum and all-maximum answers, with the five reverse items', () => {
    // Fifteen items answered 1 count 1; the reverse items 5, 9, 13, 17, 19 answered 1 count 4.
    expect(score(SAS, fill(20, 1))).toEqual({
      kind: 'total',
      instrument: 'sas',
      instrumentVersion: '1.0',
      normVersion: 'cn-1',
      raw: 35,
      standard: 43,
      band: 'normal',
      flags: [],
    });
    // All 4: 15 × 4 + 5 × 1 = 65 → 81.25 → 81.
    expect(score(SAS, fill(20, 4))).toMatchObject({ raw: 65, standard: 81, band: 'severe' });
  });

  it('reaches the lowest (20 → 25) and highest (80 → 100) raw totals only through the reverse items', () => {
    const calm = fill(20, 1).map((_, i) => ([5, 9, 13, 17, 19].includes(i + 1) ? 4 : 1));
    expect(score(SAS, calm)).toMatchObject({ raw: 20, standard: 25, band: 'normal' });
    const anxious = fill(20, 4).map((_, i) => ([5, 9, 13, 17, 19].includes(i + 1) ? 1 : 4));
    expect(score(SAS, anxious)).toMatchObject({ raw: 80, standard: 100, band: 'severe' });
  });

  it('counts each reverse item backwards and every other item forwards', () => {
    for (let item = 1; item <= 20; item += 1) {
      const answers = fill(20, 2);
      const base = score(SAS, answers).raw;
      answers[item - 1] = 3;
      const delta = score(SAS, answers).raw - base;
      expect(delta, `item ${item}`).toBe([5, 9, 13, 17, 19].includes(item) ? -1 : 1);
    }
  });

  it.each([
    [39, 48, 'normal'],
    [40, 50, 'mild'],
    [47, 58, 'mild'],
    [48, 60, 'moderate'],
    [55, 68, 'moderate'],
    [56, 70, 'severe'],
  ])('band edge: raw %i → standard %i (%s)', (raw, standard, band) => {
    expect(score(SAS, answersForRaw(SAS, raw))).toMatchObject({ raw, standard, band });
  });

  it('gives every raw total from 20 to 80 the integer part of raw × 1.25 and its Chinese-norm band', () => {
    for (let raw = 20; raw <= 80; raw += 1) {
      const standard = Math.floor((raw * 5) / 4);
      const band = standard < 50 ? 'normal' : standard < 60 ? 'mild' : standard < 70 ? 'moderate' : 'severe';
      expect(score(SAS, answersForRaw(SAS, raw)), `raw ${raw}`).toMatchObject({ raw, standard, band });
    }
  });
});

describe('SDS (Zung depression)', () => {
  const ROUND = withRounding(SDS, 'round');

  it('scores all-minimum and all-maximum answers with its ten reverse items', () => {
    // Ten forward items and ten reverse items: all 1 → 10 + 40, all 4 → 40 + 10.
    expect(score(SDS, fill(20, 1))).toMatchObject({ raw: 50, standard: 62, band: 'mild', flags: [] });
    expect(score(SDS, fill(20, 4))).toMatchObject({
      raw: 50,
      standard: 62,
      band: 'mild',
      flags: ['self_harm_item'],
    });
    expect(score(SDS, answersForRaw(SDS, 20))).toMatchObject({ standard: 25, band: 'normal' });
    expect(score(SDS, answersForRaw(SDS, 80))).toMatchObject({ standard: 100, band: 'severe' });
  });

  it('counts items 2, 5, 6, 11, 12, 14, 16, 17, 18, 20 backwards', () => {
    const reverse = [2, 5, 6, 11, 12, 14, 16, 17, 18, 20];
    for (let item = 1; item <= 20; item += 1) {
      const answers = fill(20, 2);
      answers[item - 1] = 4;
      expect(score(SDS, answers).raw - 50, `item ${item}`).toBe(reverse.includes(item) ? -2 : 2);
    }
  });

  it.each([
    [41, 51, 'normal', 51, 'normal'],
    [42, 52, 'normal', 53, 'mild'],
    [43, 53, 'mild', 54, 'mild'],
    [49, 61, 'mild', 61, 'mild'],
    [50, 62, 'mild', 63, 'moderate'],
    [51, 63, 'moderate', 64, 'moderate'],
    [58, 72, 'moderate', 73, 'severe'],
    [59, 73, 'severe', 74, 'severe'],
  ])('raw %i → integer part %i (%s), rounded %i (%s)', (raw, floorStd, floorBand, roundStd, roundBand) => {
    const answers = answersForRaw(SDS, raw);
    expect(score(SDS, answers)).toMatchObject({
      raw,
      standard: floorStd,
      band: floorBand,
      instrumentVersion: '1.0',
    });
    expect(score(ROUND, answers)).toMatchObject({
      raw,
      standard: roundStd,
      band: roundBand,
      instrumentVersion: '1.0-round',
      normVersion: 'cn-1',
    });
  });

  it('moves exactly raw 42, 50 and 58 across a band when rounding instead of truncating', () => {
    const moved: number[] = [];
    for (let raw = 20; raw <= 80; raw += 1) {
      const answers = answersForRaw(SDS, raw);
      if (score(SDS, answers).band !== score(ROUND, answers).band) moved.push(raw);
    }
    expect(moved).toEqual([42, 50, 58]);
  });

  it('flags item 19 from "some of the time" up, whatever the total', () => {
    const answers = answersForRaw(SDS, 20);
    expect(score(SDS, answers).flags).toEqual([]);
    answers[18] = 2;
    expect(score(SDS, answers)).toMatchObject({ band: 'normal', flags: ['self_harm_item'] });
  });
});

describe('PHQ-9', () => {
  it('scores all-minimum and all-maximum answers', () => {
    expect(score(PHQ9, fill(9, 0))).toEqual({
      kind: 'total',
      instrument: 'phq9',
      instrumentVersion: '1.0',
      normVersion: 'std-1',
      raw: 0,
      standard: 0,
      band: 'minimal',
      flags: [],
    });
    expect(score(PHQ9, fill(9, 3))).toMatchObject({
      raw: 27,
      standard: 27,
      band: 'severe',
      flags: ['self_harm_item'],
    });
  });

  it.each([
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
  ])('band edge: total %i → %s', (raw, band) => {
    // Fill items 1–8 first so that item 9 stays 0 below 25.
    const answers = fill(9, 0);
    for (let left = raw, i = 0; left > 0; i += 1) {
      answers[i] = Math.min(3, left);
      left -= answers[i];
    }
    expect(score(PHQ9, answers)).toMatchObject({ raw, standard: raw, band, flags: [] });
  });

  it('raises self_harm_item when item 9 is above 0 even with a minimal total', () => {
    for (const v of [1, 2, 3]) {
      const answers = [0, 0, 0, 0, 0, 0, 0, 0, v];
      expect(score(PHQ9, answers)).toMatchObject({ raw: v, band: 'minimal', flags: ['self_harm_item'] });
    }
    expect(score(PHQ9, [3, 3, 3, 3, 3, 3, 2, 0, 0])).toMatchObject({ raw: 20, band: 'severe', flags: [] });
  });
});

describe('GAD-7', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i → %s', (raw, band) => {
    expect(score(GAD7, answersForRaw(GAD7, raw))).toMatchObject({
      instrument: 'gad7',
      normVersion: 'std-1',
      raw,
      standard: raw,
      band,
      flags: [],
    });
  });
});

describe('career interests (RIASEC)', () => {
  const profile = (answers: number[]) => {
    const r = scoreInstrument(RIASEC, answers);
    if (r.kind !== 'profile') throw new Error('not a profile');
    return r;
  };
  /** Answers giving each type one value: items are interleaved R, I, A, S, E, C, R, … */
  const byType = (v: Record<string, number>) => RIASEC.items.map((item) => v[item.dimension!]);

  it('has 48 items, 8 per type, interleaved', () => {
    expect(RIASEC.items).toHaveLength(48);
    expect(RIASEC.items.slice(0, 7).map((i) => i.dimension)).toEqual(['R', 'I', 'A', 'S', 'E', 'C', 'R']);
    for (const t of ['R', 'I', 'A', 'S', 'E', 'C']) {
      expect(RIASEC.items.filter((i) => i.dimension === t)).toHaveLength(8);
    }
  });

  it('answers a profile of six sums and the three-letter code, with no band', () => {
    const r = profile(byType({ R: 2, I: 3, A: 1, S: 5, E: 4, C: 3.0 }));
    expect(r).toEqual({
      kind: 'profile',
      instrument: 'riasec',
      instrumentVersion: '1.0',
      normVersion: null,
      profile: [
        { dimension: 'R', score: 16 },
        { dimension: 'I', score: 24 },
        { dimension: 'A', score: 8 },
        { dimension: 'S', score: 40 },
        { dimension: 'E', score: 32 },
        { dimension: 'C', score: 24 },
      ],
      code: 'SEI',
      tied: true,
      flags: [],
    });
    expect(r).not.toHaveProperty('band');
  });

  it('marks a code decided by equal scores, and not one with clear leaders', () => {
    expect(profile(byType({ R: 1, I: 2, A: 3, S: 4, E: 5, C: 1 }))).toMatchObject({
      code: 'ESA',
      tied: false,
    });
    // The third and fourth are equal: the third letter is decided by the listed order.
    expect(profile(byType({ R: 5, I: 4, A: 3, S: 3, E: 1, C: 1 }))).toMatchObject({
      code: 'RIA',
      tied: true,
    });
    // A tie below the third letter does not matter.
    expect(profile(byType({ R: 5, I: 4, A: 3, S: 2, E: 2, C: 2 }))).toMatchObject({
      code: 'RIA',
      tied: false,
    });
  });

  it('scores all-minimum (8 each) and all-maximum (40 each)', () => {
    expect(profile(fill(48, 1)).profile.every((p) => p.score === 8)).toBe(true);
    expect(profile(fill(48, 5))).toMatchObject({ code: 'RIA', tied: true });
    expect(profile(fill(48, 5)).profile.every((p) => p.score === 40)).toBe(true);
  });

  it('adds a single item to its own type only', () => {
    const answers = fill(48, 1);
    answers[10] = 5; // item 11 is the second E item
    const r = profile(answers);
    expect(r.profile.find((p) => p.dimension === 'E')!.score).toBe(12);
    expect(r.code[0]).toBe('E');
  });
});

describe('answers that do not fit', () => {
  const issuesOf = (def: TInstrumentDefinition, answers: unknown[]) => {
    try {
      scoreInstrument(def, answers);
    } catch (err) {
      if (err instanceof InvalidAnswersError) return err.issues;
      throw err;
    }
    throw new Error('scored answers that do not fit');
  };

  it('names the missing items when there are too few answers', () => {
    expect(issuesOf(SAS, fill(19, 2))).toEqual([
      { item: 20, path: 'answers', message: '20 answers are needed, 19 were given: no answer for item 20' },
    ]);
    expect(issuesOf(PHQ9, [0, 1, 2])[0].message).toBe(
      '9 answers are needed, 3 were given: no answer for items 4, 5, 6, 7, 8, 9',
    );
    expect(issuesOf(RIASEC, [])[0].message).toContain('no answer for items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …');
  });

  it('names the first item that does not exist when there are too many', () => {
    expect(issuesOf(GAD7, fill(8, 1))).toEqual([
      {
        item: 8,
        path: 'answers',
        message: '7 answers are needed, 8 were given: item 8 does not exist (the instrument has items 1–7)',
      },
    ]);
  });

  it('names each item whose answer is out of range or not an option', () => {
    const answers: unknown[] = fill(20, 2);
    answers[2] = 0;
    answers[19] = 5;
    expect(issuesOf(SAS, answers)).toEqual([
      { item: 3, path: 'answers.2', message: 'Item 3: 0 is out of range (answers are 1, 2, 3, 4)' },
      { item: 20, path: 'answers.19', message: 'Item 20: 5 is out of range (answers are 1, 2, 3, 4)' },
    ]);
    const phq: unknown[] = [0, 1, 2, 3, 4, 0, 0, 0, 0];
    expect(issuesOf(PHQ9, phq)).toEqual([
      { item: 5, path: 'answers.4', message: 'Item 5: 4 is out of range (answers are 0, 1, 2, 3)' },
    ]);
    const odd: unknown[] = [1.5, '2', null, true, 0, 0, 0];
    expect(issuesOf(GAD7, odd).map((i) => [i.item, i.message])).toEqual([
      [1, 'Item 1: the answer must be one of 0, 1, 2, 3, not 1.5'],
      [2, 'Item 2: the answer must be one of 0, 1, 2, 3, not "2"'],
      [3, 'Item 3: the answer must be one of 0, 1, 2, 3, not null'],
      [4, 'Item 4: the answer must be one of 0, 1, 2, 3, not true'],
    ]);
  });

  it('reports both a wrong count and bad values in one pass, and accepts good answers', () => {
    const issues = checkAnswers(RIASEC, [0, ...fill(46, 3)]);
    expect(issues.map((i) => i.item)).toEqual([48, 1]);
    expect(checkAnswers(RIASEC, fill(48, 3))).toEqual([]);
  });
});
