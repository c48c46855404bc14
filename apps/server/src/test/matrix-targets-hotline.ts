import type { FastifyInstance } from 'fastify';
import { multipartForm, NO_OWNER_CHECK, type Person, type Unit } from './factories.js';
import { PNG_1PX } from './images.js';
import type { Target } from './matrix-targets.js';
import type { TestApp } from './test-app.js';

type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;
const db = (app: FastifyInstance) => app.lifeline.database.db;
let n = 0;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A tracking-code suffix from a counter (five letters of the code alphabet). */
const code = (k: number) =>
  Array.from({ length: 5 }, (_, i) => ALPHABET[Math.floor(k / 32 ** i) % 32]).join('');

/** An item about and handled by the unit, in a state (named, filed by nobody in particular). */
async function item(t: TestApp, unit: Unit, state = 'submitted', fields: Record<string, unknown> = {}) {
  const { hotlineItems } = await import('../modules/hotline/hotline.table.js');
  n += 1;
  const [row] = await db(t.app)
    .insert(hotlineItems)
    .values({
      code: `KX000000-${code(n)}`,
      category: 'canteen',
      urgency: 'normal',
      visibility: 'named',
      state,
      unitId: unit.id,
      handlingUnitId: unit.id,
      title: '食堂排队时间过长',
      description: '午餐高峰期排队超过二十分钟，希望增加窗口。',
      acceptedAt: state === 'submitted' ? null : new Date().toISOString(),
      ...fields,
    })
    .returning();
  return row;
}

/**
 * An item filed by the reporter, as filing keeps them: a named item under the person id, a
 * confidential one under the keyed hash of it (and the id sealed).
 */
async function filedBy(
  t: TestApp,
  unit: Unit,
  reporter: Person,
  state = 'submitted',
  visibility: 'named' | 'confidential' = 'named',
  fields: Record<string, unknown> = {},
) {
  const { reporterContext } = await import('../modules/hotline/hotline.people.js');
  const crypto = t.app.lifeline.crypto;
  n += 1;
  const itemCode = `KX000000-${code(n)}`;
  return item(t, unit, state, {
    code: itemCode,
    visibility,
    ...(visibility === 'named'
      ? { reporterPersonId: reporter.id }
      : {
          reporterEnc: crypto.encrypt(String(reporter.id), reporterContext(itemCode)),
          reporterIndex: crypto.blindIndex(String(reporter.id), 'hotline_reporter'),
        }),
    ...fields,
  });
}

/** An item answered a moment ago: the reporter may rate it or reopen it. */
const answered = () => ({ answeredAt: new Date().toISOString() });

async function withPhoto(t: TestApp, unit: Unit, reporter?: Person) {
  const { saveFile, FILE_KINDS } = await import('../platform/files/files.service.js');
  const { hotlinePhotos } = await import('../modules/hotline/hotline.table.js');
  const row = reporter ? await filedBy(t, unit, reporter, 'submitted', 'confidential') : await item(t, unit);
  const file = await saveFile(db(t.app), t.app.lifeline.files, {
    bytes: PNG_1PX,
    filename: 'p.png',
    allowed: FILE_KINDS.image,
    maxBytes: 1_000_000,
    createdBy: null,
  });
  await db(t.app).insert(hotlinePhotos).values({ itemId: row.id, fileId: file.id, position: 1 });
  return { row, fileId: file.id };
}

const month = new Date().toISOString().slice(0, 7);

/**
 * Hotline routes: the reporter's own items (another reporter's → 404), the public follow-up by
 * code and secret, the handlers' by handling unit, the group's settings and rules (a top unit's
 * hotline office), a unit's channels and statistics.
 */
export const hotlineTargets: Record<string, Make> = {
  'GET /api/hotline/categories': async () => ({
    url: '/api/hotline/categories',
    why: NO_OWNER_CHECK.reference,
  }),
  'GET /api/hotline/units': async () => ({ url: '/api/hotline/units', why: NO_OWNER_CHECK.reference }),
  'GET /api/hotline/similar': async (_t, unit) => ({
    url: `/api/hotline/similar?unitId=${unit.id}&q=食堂`,
    why: `${NO_OWNER_CHECK.reference}: the open items of a unit whose reporters agreed to their publication (code, title, no reporter), offered while typing so as to say "me too"`,
  }),
  'POST /api/hotline/items': async () => {
    const form = multipartForm({
      item: JSON.stringify({
        category: 'canteen',
        title: '食堂午餐排队太久',
        description: '午餐高峰期排队超过二十分钟，希望增加打饭窗口。',
      }),
    });
    return { url: '/api/hotline/items', ...form, why: "files the caller's own item, no id in the address" };
  },
  'POST /api/hotline/items/:id/me-too': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit, 'submitted', { publishConsent: true })).id}/me-too`,
    why: 'any employee may say "me too" on an open item whose reporter agreed to its publication (kept as a keyed hash of the caller and the item)',
  }),
  'GET /api/hotline/board': async () => ({
    url: '/api/hotline/board',
    why: 'the public board: answered items whose reporters agreed to publish them, without identities',
  }),
  // The reporter's own items: named ones by person id, confidential ones by its keyed hash.
  'GET /api/hotline/mine': async (t, unit, caller) => {
    const named = await filedBy(t, unit, caller);
    const confidential = await filedBy(t, unit, caller, 'submitted', 'confidential');
    return { url: '/api/hotline/mine', owner: true, listed: [named.code, confidential.code] };
  },
  'GET /api/hotline/mine/:id': async (t, unit, caller) => ({
    url: `/api/hotline/mine/${(await filedBy(t, unit, caller, 'submitted', 'confidential')).id}`,
    owner: true,
  }),
  'GET /api/hotline/mine/:id/photos/:photoId': async (t, unit, caller) => {
    const { row, fileId } = await withPhoto(t, unit, caller);
    return { url: `/api/hotline/mine/${row.id}/photos/${fileId}`, owner: true };
  },
  'POST /api/hotline/mine/:id/add-info': async (t, unit, caller) => ({
    url: `/api/hotline/mine/${(await filedBy(t, unit, caller, 'waiting_reporter')).id}/add-info`,
    payload: { text: '补充：午餐十二点最挤', version: 1 },
    owner: true,
  }),
  'POST /api/hotline/mine/:id/rate': async (t, unit, caller) => ({
    url: `/api/hotline/mine/${(await filedBy(t, unit, caller, 'answered', 'named', answered())).id}/rate`,
    payload: { rating: 5, version: 1 },
    owner: true,
  }),
  'POST /api/hotline/mine/:id/reopen': async (t, unit, caller) => ({
    url: `/api/hotline/mine/${(await filedBy(t, unit, caller, 'answered', 'confidential', answered())).id}/reopen`,
    payload: { text: '问题没有解决', version: 1 },
    owner: true,
  }),
  'GET /api/hotline/track/:code': async () => ({ url: '/api/hotline/track/KX000000-AAAAA' }),
  'GET /api/hotline/track/:code/photos/:photoId': async () => ({
    url: '/api/hotline/track/KX000000-AAAAA/photos/x',
  }),
  'POST /api/hotline/track/:code/add-info': async () => ({
    url: '/api/hotline/track/KX000000-AAAAA/add-info',
    payload: { text: 'x', version: 1 },
  }),
  'POST /api/hotline/track/:code/rate': async () => ({
    url: '/api/hotline/track/KX000000-AAAAA/rate',
    payload: { rating: 5, version: 1 },
  }),
  'POST /api/hotline/track/:code/reopen': async () => ({
    url: '/api/hotline/track/KX000000-AAAAA/reopen',
    payload: { text: 'x', version: 1 },
  }),

  'GET /api/hotline/items': async (_t, unit) => ({
    url: `/api/hotline/items?unitId=${unit.id}&state=submitted`,
  }),
  'GET /api/hotline/items/export': async (_t, unit) => ({
    url: `/api/hotline/items/export?unitId=${unit.id}`,
  }),
  'GET /api/hotline/items/:id': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit)).id}`,
  }),
  'GET /api/hotline/items/:id/photos/:photoId': async (t, unit) => {
    const { row, fileId } = await withPhoto(t, unit);
    return { url: `/api/hotline/items/${row.id}/photos/${fileId}` };
  },
  'POST /api/hotline/items/:id/accept': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit)).id}/accept`,
    payload: { version: 1 },
  }),
  'POST /api/hotline/items/:id/start': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit, 'accepted')).id}/start`,
    payload: { version: 1 },
  }),
  'POST /api/hotline/items/:id/ask-reporter': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit, 'in_progress')).id}/ask-reporter`,
    payload: { text: '请补充具体时段', version: 1 },
  }),
  'POST /api/hotline/items/:id/answer': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit, 'in_progress')).id}/answer`,
    payload: { text: '已增设两个窗口', version: 1 },
  }),
  'POST /api/hotline/items/:id/transfer': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit)).id}/transfer`,
    payload: { unitId: unit.id, reason: '由本单位后勤办理', version: 1 },
  }),
  'POST /api/hotline/items/:id/merge': async (t, unit) => {
    const into = await item(t, unit);
    return {
      url: `/api/hotline/items/${(await item(t, unit)).id}/merge`,
      payload: { intoId: into.id, version: 1 },
    };
  },
  'POST /api/hotline/items/:id/close-not-applicable': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit)).id}/close-not-applicable`,
    payload: { text: '属个人劳动争议，请走仲裁渠道', version: 1 },
  }),
  'POST /api/hotline/items/:id/reply': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit, 'in_progress')).id}/reply`,
    payload: { text: '正在协调' },
  }),
  'POST /api/hotline/items/:id/notes': async (t, unit) => ({
    url: `/api/hotline/items/${(await item(t, unit)).id}/notes`,
    payload: { text: '内部：已联系后勤' },
  }),

  'GET /api/hotline/settings': async () => ({ url: '/api/hotline/settings', group: true }),
  'PUT /api/hotline/settings': async (t) => {
    const { hotlineConfig } = await import('../modules/hotline/settings/hotline-settings.js');
    const { version, ...c } = await hotlineConfig(db(t.app));
    return {
      url: '/api/hotline/settings',
      payload: { ...c, reminderDays: (n++ % 3) + 1, smtp: null, version },
      group: true,
    };
  },
  'GET /api/hotline/routing-rules': async () => ({ url: '/api/hotline/routing-rules', group: true }),
  'POST /api/hotline/routing-rules': async (_t, unit) => ({
    url: '/api/hotline/routing-rules',
    payload: { category: `c${n++}`.slice(0, 8), unitId: unit.id, handlingUnitId: unit.id },
    group: true,
  }),
  'DELETE /api/hotline/routing-rules/:id': async (t, unit, caller) => {
    const { addRule } = await import('../modules/hotline/settings/routing.js');
    const r = await addRule(
      db(t.app),
      { personId: caller.id },
      { category: `d${n++}`, unitId: unit.id, handlingUnitId: unit.id },
    );
    return { url: `/api/hotline/routing-rules/${r.id}`, group: true };
  },
  'GET /api/hotline/units/:id/channels': async (_t, unit) => ({
    url: `/api/hotline/units/${unit.id}/channels`,
  }),
  'PUT /api/hotline/units/:id/channels': async (t, unit) => {
    const { unitChannels } = await import('../modules/hotline/channels.js');
    const c = await unitChannels(db(t.app), unit.id);
    return {
      url: `/api/hotline/units/${unit.id}/channels`,
      payload: {
        safetyContactPersonId: null,
        email: 'safety@example.com',
        wecomWebhook: null,
        dingtalkWebhook: null,
        version: c.version,
      },
    };
  },
  'GET /api/hotline/stats': async (_t, unit) => ({
    url: `/api/hotline/stats?unitId=${unit.id}&from=${month}&to=${month}`,
  }),
  'GET /api/hotline/stats/export': async (_t, unit) => ({
    url: `/api/hotline/stats/export?unitId=${unit.id}&from=${month}&to=${month}`,
  }),
};
