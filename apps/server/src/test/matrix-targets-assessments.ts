import { CONSENT_TEXT_VERSION, GAD7 } from '@lifeline/shared';
import type { FastifyInstance } from 'fastify';
import { buildPerson, grantRole, NO_OWNER_CHECK, type Person, type Unit } from './factories.js';
import { PNG_1PX } from './images.js';
import type { Target } from './matrix-targets.js';
import type { TestApp } from './test-app.js';

type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;
const db = (app: FastifyInstance) => app.lifeline.database.db;
let n = 0;

/**
 * A consultation request of an employee of the unit (or of `employee`): open to the team, or
 * assigned to a coach, in a state.
 */
async function consultation(
  t: TestApp,
  unit: Unit,
  coach: Person | null,
  state = 'requested',
  employee?: Person,
) {
  const { consultations } = await import('../modules/counselling/counselling.table.js');
  const { sealWords } = await import('../modules/counselling/consultations.service.js');
  const asker = employee ?? (await buildPerson(db(t.app), t.app.lifeline.crypto, unit));
  const [row] = await db(t.app)
    .insert(consultations)
    .values({
      employeePersonId: asker.id,
      coachPersonId: coach?.id ?? null,
      state,
      messageEnc: sealWords(t.app.lifeline.crypto, asker.id, { message: '', preferredTimes: '' }),
      contact: 'in_app',
      bookedFor: state === 'booked' ? new Date(Date.now() + 86_400_000).toISOString() : null,
    })
    .returning();
  return row;
}

/** The person's open consent to keep an instrument's results, in the current wording. */
async function consent(t: TestApp, person: Person, instrument: string) {
  const { assessmentConsents } = await import('../modules/assessments/assessments.table.js');
  await db(t.app)
    .insert(assessmentConsents)
    .values({ personId: person.id, instrumentCode: instrument, textVersion: CONSENT_TEXT_VERSION })
    .onConflictDoNothing();
}

/** A stored result of the person (GAD-7, scored and sealed as the service stores it). */
async function storedResult(t: TestApp, person: Person) {
  const { assessmentResults } = await import('../modules/assessments/assessments.table.js');
  const { offeredInstrument } = await import('../modules/assessments/instruments.js');
  const { scoreAnswers } = await import('../modules/assessments/assessments.service.js');
  const { sealResult } = await import('../modules/assessments/results/result-crypto.js');
  await consent(t, person, 'gad7');
  const answers = [0, 1, 0, 1, 0, 1, 0];
  const result = scoreAnswers(await offeredInstrument(db(t.app), 'gad7'), answers);
  const [row] = await db(t.app)
    .insert(assessmentResults)
    .values({
      personId: person.id,
      unitId: person.unitId,
      instrumentCode: 'gad7',
      instrumentVersion: result.instrumentVersion,
      normVersion: result.normVersion,
      payload: sealResult(t.app.lifeline.crypto, person.id, { answers, result }),
    })
    .returning();
  return row;
}

/** An active coach serving the unit's people (the coach role on the unit and an active profile). */
async function coachOf(t: TestApp, unit: Unit, photo = false) {
  const { coachProfiles } = await import('../modules/counselling/counselling.table.js');
  const { saveFile, FILE_KINDS } = await import('../platform/files/files.service.js');
  const coach = await buildPerson(db(t.app), t.app.lifeline.crypto, unit);
  await grantRole(db(t.app), coach, 'coach', unit);
  const file = photo
    ? await saveFile(db(t.app), t.app.lifeline.files, {
        bytes: PNG_1PX,
        filename: 'coach.png',
        allowed: FILE_KINDS.image,
        maxBytes: 1_000_000,
        createdBy: coach.id,
      })
    : null;
  await db(t.app)
    .insert(coachProfiles)
    .values({
      personId: coach.id,
      kind: 'coach',
      specialities: [],
      languages: ['中文'],
      availability: [],
      photoFileId: file?.id ?? null,
    });
  return coach;
}

/** A share of the owner's result (or whole history) with a coach. */
async function shareOf(t: TestApp, owner: Person, coach: Person, resultId?: number) {
  const { assessmentShares } = await import('../modules/assessments/assessments.table.js');
  const [row] = await db(t.app)
    .insert(assessmentShares)
    .values({
      personId: owner.id,
      coachPersonId: coach.id,
      scope: resultId ? 'result' : 'history',
      resultId: resultId ?? null,
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
 * Self-assessment and counselling routes. Results, shares and consultations are about a person,
 * not a unit: their routes answer the caller's own records (another person's → 404) or the coach
 * they were shared with or assigned to. Settings and scales are the group's; only the aggregates
 * and a team's open requests are about a unit's subtree.
 */
export const assessmentTargets: Record<string, Make> = {
  'GET /api/assessments/instruments': async () => ({ url: '/api/assessments/instruments' }),
  'POST /api/assessments/score': async () => ({
    url: '/api/assessments/score',
    payload: { instrument: 'gad7', answers: [0, 1, 2, 3, 0, 1, 2] },
  }),
  'GET /api/assessments/settings': async () => ({ url: '/api/assessments/settings' }),
  'PUT /api/assessments/settings': async (t) => {
    const { wellbeingSettings } = await import('../modules/assessments/settings/wellbeing-settings.js');
    const s = await wellbeingSettings(db(t.app));
    return {
      url: '/api/assessments/settings',
      payload: { openToEveryone: false, retentionDays: 700 + (n++ % 30), help: s.help, version: s.version },
      group: true,
    };
  },
  'GET /api/assessments/scales': async () => ({ url: '/api/assessments/scales', group: true }),
  'POST /api/assessments/scales': async () => ({
    url: '/api/assessments/scales',
    payload: scale(),
    group: true,
  }),
  'POST /api/assessments/scales/:id/retire': async (t, _unit, caller) => {
    const { uploadScale } = await import('../modules/assessments/scales/scales.service.js');
    const s = await uploadScale(db(t.app), { personId: caller.id }, scale());
    return { url: `/api/assessments/scales/${s.id}/retire`, group: true };
  },
  'GET /api/assessments/consents': async () => ({
    url: '/api/assessments/consents',
    why: NO_OWNER_CHECK.own,
  }),
  'POST /api/assessments/consents': async () => ({
    url: '/api/assessments/consents',
    payload: { instrument: 'sas', textVersion: CONSENT_TEXT_VERSION, accept: true },
    why: NO_OWNER_CHECK.own,
  }),
  // The address names an instrument: the caller's consent to it, never another person's.
  'DELETE /api/assessments/consents/:instrument': async (t, _unit, caller) => {
    await consent(t, caller, 'sds');
    return { url: '/api/assessments/consents/sds', owner: true };
  },
  'POST /api/assessments/results': async (t, _unit, caller) => {
    await consent(t, caller, 'gad7');
    return {
      url: '/api/assessments/results',
      payload: { instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0] },
      why: NO_OWNER_CHECK.own,
    };
  },
  'GET /api/assessments/results': async (t, _unit, caller) => ({
    url: '/api/assessments/results',
    owner: true,
    listed: `"id":${(await storedResult(t, caller)).id}`,
  }),
  'GET /api/assessments/results/:id': async (t, _unit, caller) => ({
    url: `/api/assessments/results/${(await storedResult(t, caller)).id}`,
    owner: true,
  }),
  'DELETE /api/assessments/results/:id': async (t, _unit, caller) => ({
    url: `/api/assessments/results/${(await storedResult(t, caller)).id}`,
    owner: true,
  }),
  'DELETE /api/assessments/my-data': async () => ({
    url: '/api/assessments/my-data',
    why: NO_OWNER_CHECK.own,
  }),
  'GET /api/assessments/shares': async (t, unit, caller) => {
    const share = await shareOf(t, caller, await coachOf(t, unit));
    return { url: '/api/assessments/shares', owner: true, listed: `"id":${share.id}` };
  },
  // Sharing names a result: the caller's own (another person's → 404).
  'POST /api/assessments/shares': async (t, unit, caller) => ({
    url: '/api/assessments/shares',
    payload: {
      coachPersonId: (await coachOf(t, unit)).id,
      scope: 'result',
      resultId: (await storedResult(t, caller)).id,
    },
    owner: true,
  }),
  'DELETE /api/assessments/shares/:id': async (t, unit, caller) => ({
    url: `/api/assessments/shares/${(await shareOf(t, caller, await coachOf(t, unit))).id}`,
    owner: true,
  }),
  // What people shared with the calling coach (built: an employee's history shared with `caller`).
  'GET /api/counselling/shared': async (t, unit, caller) => {
    const owner = await buildPerson(db(t.app), t.app.lifeline.crypto, unit);
    await storedResult(t, owner);
    await shareOf(t, owner, caller);
    return { url: '/api/counselling/shared', owner: true, listed: `"personId":${owner.id}` };
  },
  'GET /api/assessments/aggregates': async (_t, unit) => ({
    url: `/api/assessments/aggregates?unitId=${unit.id}&instrument=sas&year=2026`,
  }),
  'GET /api/assessments/aggregates/export': async (_t, unit) => ({
    url: `/api/assessments/aggregates/export?unitId=${unit.id}&instrument=phq9&year=2026&quarter=4`,
  }),

  // A subtree's coach team, read like its wellbeing aggregates.
  'GET /api/counselling/registry': async (_t, unit) => ({
    url: `/api/counselling/registry?unitId=${unit.id}`,
  }),
  'GET /api/counselling/coaches': async () => ({
    url: '/api/counselling/coaches',
    why: NO_OWNER_CHECK.reference,
  }),
  'GET /api/counselling/coaches/:personId/photo': async (t, unit) => ({
    url: `/api/counselling/coaches/${(await coachOf(t, unit, true)).id}/photo`,
    // The photo of a coach in the caller's list: a coach serving unit B is not in it (404).
    scoped: true,
  }),
  'GET /api/counselling/profile': async () => ({
    url: '/api/counselling/profile',
    why: `${NO_OWNER_CHECK.own} (the coach's own profile)`,
  }),
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
      why: `${NO_OWNER_CHECK.own} (the coach's own profile)`,
    };
  },
  'PUT /api/counselling/profile/photo': async () => ({
    url: '/api/counselling/profile/photo',
    upload: { filename: 'me.png', bytes: PNG_1PX },
    why: `${NO_OWNER_CHECK.own} (the coach's own profile)`,
  }),
  'PUT /api/counselling/availability': async (t, _unit, caller) => {
    const { myProfile } = await import('../modules/counselling/coaches.js');
    const p = await myProfile(db(t.app), caller.id);
    return {
      url: '/api/counselling/availability',
      payload: { slots: [{ weekday: 2, start: '18:00', end: '20:00' }], version: p.version },
      why: `${NO_OWNER_CHECK.own} (the coach's own hours)`,
    };
  },
  'POST /api/counselling/requests': async () => ({
    url: '/api/counselling/requests',
    payload: {},
    why: NO_OWNER_CHECK.own,
  }),
  'GET /api/counselling/requests': async (t, unit, caller) => ({
    url: '/api/counselling/requests',
    owner: true,
    listed: `"id":${(await consultation(t, unit, null, 'requested', caller)).id}`,
  }),
  'GET /api/counselling/requests/:id': async (t, unit, caller) => ({
    url: `/api/counselling/requests/${(await consultation(t, unit, null, 'requested', caller)).id}`,
    owner: true,
  }),
  'POST /api/counselling/requests/:id/cancel': async (t, unit, caller) => {
    const c = await consultation(t, unit, null, 'requested', caller);
    return { url: `/api/counselling/requests/${c.id}/cancel`, payload: { version: c.version }, owner: true };
  },
  // A coach's inbox: the requests open to the team of the units the coach role covers (in SQL).
  'GET /api/counselling/inbox': async (t, unit) => ({
    url: '/api/counselling/inbox',
    listed: `"id":${(await consultation(t, unit, null)).id}`,
  }),
  // Taking a request open to the team: a coach of the employee's unit's line.
  'POST /api/counselling/requests/:id/book': async (t, unit) => {
    const c = await consultation(t, unit, null);
    return {
      url: `/api/counselling/requests/${c.id}/book`,
      payload: { startsAt: inFuture(), place: '心理服务室', version: c.version },
    };
  },
  // The assigned coach's: another coach's request answers 404.
  'POST /api/counselling/requests/:id/decline': async (t, unit, caller) => {
    const c = await consultation(t, unit, caller);
    return {
      url: `/api/counselling/requests/${c.id}/decline`,
      payload: { reason: '时间冲突', version: c.version },
      owner: true,
    };
  },
  'POST /api/counselling/requests/:id/close': async (t, unit, caller) => {
    const c = await consultation(t, unit, caller, 'booked');
    return { url: `/api/counselling/requests/${c.id}/close`, payload: { version: c.version }, owner: true };
  },
  'GET /api/counselling/requests/:id/notes': async (t, unit, caller) => {
    const c = await consultation(t, unit, caller, 'booked');
    return { url: `/api/counselling/requests/${c.id}/notes`, owner: true };
  },
  'POST /api/counselling/requests/:id/notes': async (t, unit, caller) => {
    const c = await consultation(t, unit, caller, 'booked');
    return { url: `/api/counselling/requests/${c.id}/notes`, payload: { text: '随访记录' }, owner: true };
  },
};
