import type { Person, Unit } from './factories.js';
import type { Target } from './matrix-targets.js';
import type { TestApp } from './test-app.js';

type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;

/** Self-assessment routes: any logged-in account, about no unit's records. */
export const assessmentTargets: Record<string, Make> = {
  'GET /api/assessments/instruments': async () => ({ url: '/api/assessments/instruments', scoped: false }),
  'POST /api/assessments/score': async () => ({
    url: '/api/assessments/score',
    payload: { instrument: 'gad7', answers: [0, 1, 2, 3, 0, 1, 2] },
    scoped: false,
  }),
};
