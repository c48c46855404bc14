import { GAD7 } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import { buildPerson, type Person, type Unit } from './factories.js';
import { PNG_1PX } from './images.js';
import type { Target } from './matrix-targets.js';
import type { TestApp } from './test-app.js';

type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;
const db = (app: FastifyInstance) => app.lifeline.database.db;
let n = 0;

/** A consultation of an employee of the unit: open to the team, or assigned to the coach in a state. */
async function consultation(t: TestApp, unit: Unit, coach: Person | null, state = 'requested') {
  const { consultations } = await import('../modules/counselling/counselling.table.js');
  const { sealWords } = await import('../modules/counselling/consultations.service.js');
  const employee = await buildPerson(db(t.app), t.app.lifeline.crypto, unit);
  const [row] = await db(t.app)
    .insert(consultations)
    .values({
      employeePersonId: employee.id,
      coachPersonId: coach?.id ?? null,
      state,
      messageEnc: sealWords(t.app.lifeline.crypto, employee.id, { message: '', preferredTimes: '' }),
      contact: 'in_app',
      bookedFor: state === 'booked' ? new Date(Date.now() + 86_400_000).toISOString() : null,
    })
    .returning();
  return row;
}

/** A small valid scale definition with a fresh code. */
function scale() {
  n += 1;
  return { ...GAD7, code: `matrix_scale_${Date.now().toString(36)}_${n}`, version: '1' };
}

const inFuture = () => new Date(Date.now() + 3 * 86_400_000).toISOString();

/**
 * Self-assessment and counselling routes. Results and consultations are about a person, not a
 * unit: the routes are `authenticated` (each answers for the caller's own records only, proven
 * in wellbeing-privacy.test.ts) or the coach's permission (not scoped by unit). Only the
 * aggregates are about a unit's subtree.
 */
export const assessmentTargets: Record<string, Make> = {
  'GET /api/assessments/instruments': async () => ({ url: '/api/assessments/instruments', scoped: false }),
  'POST /api/assessments/score': async () => ({
    url: '/api/assessments/score',
    payload: { instrument: 'gad7', answers: [0, 1, 2, 3, 0, 1, 2] },
    scoped: false,
  }),
  'GET /api/assessments/settings': async () => ({ url: '/api/assessments/settings', scoped: false }),
  'PUT /api/assessments/settings': async (t) => {
    const { wellbeingSettings } = await import('../modules/assessments/settings/wellbeing-settings.js');
    const s = await wellbeingSettings(db(t.app));
    return {
      url: '/api/assessments/settings',
      payload: { openToEveryone: false, retentionDays: 700 + (n++ % 30), help: s.help, version: s.version },
      scoped: false,
    };
  },
  'GET /api/assessments/scales': async () => ({ url: '/api/assessments/scales', scoped: false }),
  'POST /api/assessments/scales': async () => ({
    url: '/api/assessments/scales',
    payload: scale(),
    scoped: false,
  }),
  'POST /api/assessments/scales/:id/retire': async (t, _unit, caller) => {
    const { uploadScale } = await import('../modules/assessments/scales/scales.service.js');
    const s = await uploadScale(db(t.app), { personId: caller.id }, scale());
    return { url: `/api/assessments/scales/${s.id}/retire`, scoped: false };
  },
  'GET /api/assessments/consents': async () => ({ url: '/api/assessments/consents' }),
  'POST /api/assessments/consents': async () => ({
    url: '/api/assessments/consents',
    payload: { instrument: 'sas', textVersion: 'c1', accept: true },
  }),
  'DELETE /api/assessments/consents/:instrument': async () => ({ url: '/api/assessments/consents/sas' }),
  'POST /api/assessments/results': async () => ({
    url: '/api/assessments/results',
    payload: { instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0] },
  }),
  'GET /api/assessments/results': async () => ({ url: '/api/assessments/results' }),
  'GET /api/assessments/results/:id': async () => ({ url: '/api/assessments/results/1' }),
  'DELETE /api/assessments/results/:id': async () => ({ url: '/api/assessments/results/1' }),
  'DELETE /api/assessments/my-data': async () => ({ url: '/api/assessments/my-data' }),
  'GET /api/assessments/shares': async () => ({ url: '/api/assessments/shares' }),
  'POST /api/assessments/shares': async () => ({
    url: '/api/assessments/shares',
    payload: { coachPersonId: 1, scope: 'history' },
  }),
  'DELETE /api/assessments/shares/:id': async () => ({ url: '/api/assessments/shares/1' }),
  'GET /api/assessments/aggregates': async (_t, unit) => ({
    url: `/api/assessments/aggregates?unitId=${unit.id}&instrument=sas&year=2026`,
  }),
  'GET /api/assessments/aggregates/export': async (_t, unit) => ({
    url: `/api/assessments/aggregates/export?unitId=${unit.id}&instrument=phq9&year=2026&quarter=4`,
  }),

  'GET /api/counselling/coaches': async () => ({ url: '/api/counselling/coaches' }),
  'GET /api/counselling/coaches/:personId/photo': async () => ({ url: '/api/counselling/coaches/1/photo' }),
  'GET /api/counselling/profile': async () => ({ url: '/api/counselling/profile', scoped: false }),
  'PUT /api/counselling/profile': async (t, _unit, caller) => {
    const { myProfile } = await import('../modules/counselling/coaches.js');
    const p = await myProfile(db(t.app), caller.id);
    return {
      url: '/api/counselling/profile',
      payload: {
        kind: 'coach',
        specialities: ['情绪疏导'],
        languages: ['中文'],
        bio: '',
        active: true,
        version: p.version,
      },
      scoped: false,
    };
  },
  'PUT /api/counselling/profile/photo': async () => ({
    url: '/api/counselling/profile/photo',
    upload: { filename: 'me.png', bytes: PNG_1PX },
    scoped: false,
  }),
  'PUT /api/counselling/availability': async (t, _unit, caller) => {
    const { myProfile } = await import('../modules/counselling/coaches.js');
    const p = await myProfile(db(t.app), caller.id);
    return {
      url: '/api/counselling/availability',
      payload: { slots: [{ weekday: 2, start: '18:00', end: '20:00' }], version: p.version },
      scoped: false,
    };
  },
  'GET /api/counselling/shared': async () => ({ url: '/api/counselling/shared', scoped: false }),
  'POST /api/counselling/requests': async () => ({ url: '/api/counselling/requests', payload: {} }),
  'GET /api/counselling/requests': async () => ({ url: '/api/counselling/requests' }),
  'GET /api/counselling/requests/:id': async () => ({ url: '/api/counselling/requests/1' }),
  'POST /api/counselling/requests/:id/cancel': async () => ({
    url: '/api/counselling/requests/1/cancel',
    payload: { version: 1 },
  }),
  'GET /api/counselling/inbox': async () => ({ url: '/api/counselling/inbox', scoped: false }),
  'POST /api/counselling/requests/:id/book': async (t, unit) => {
    const c = await consultation(t, unit, null);
    return {
      url: `/api/counselling/requests/${c.id}/book`,
      payload: { startsAt: inFuture(), place: '心理服务室', version: c.version },
      scoped: false,
    };
  },
  'POST /api/counselling/requests/:id/decline': async (t, unit, caller) => {
    const c = await consultation(t, unit, caller);
    return {
      url: `/api/counselling/requests/${c.id}/decline`,
      payload: { reason: '时间冲突', version: c.version },
      scoped: false,
    };
  },
  'POST /api/counselling/requests/:id/close': async (t, unit, caller) => {
    const c = await consultation(t, unit, caller, 'booked');
    return { url: `/api/counselling/requests/${c.id}/close`, payload: { version: c.version }, scoped: false };
  },
  'GET /api/counselling/requests/:id/notes': async (t, unit, caller) => {
    const c = await consultation(t, unit, caller, 'booked');
    return { url: `/api/counselling/requests/${c.id}/notes`, scoped: false };
  },
  'POST /api/counselling/requests/:id/notes': async (t, unit, caller) => {
    const c = await consultation(t, unit, caller, 'booked');
    return { url: `/api/counselling/requests/${c.id}/notes`, payload: { text: '随访记录' }, scoped: false };
  },
};
