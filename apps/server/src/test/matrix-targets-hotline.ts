import type { FastifyInstance } from 'fastify';
import type { Person, Unit } from './factories.js';
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

async function withPhoto(t: TestApp, unit: Unit) {
  const { saveFile, FILE_KINDS } = await import('../platform/files/files.service.js');
  const { hotlinePhotos } = await import('../modules/hotline/hotline.table.js');
  const row = await item(t, unit);
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

/** Hotline routes: employees' own, the public follow-up by code, handlers' by handling unit, administration. */
export const hotlineTargets: Record<string, Make> = {
  'GET /api/hotline/categories': async () => ({ url: '/api/hotline/categories' }),
  'GET /api/hotline/units': async () => ({ url: '/api/hotline/units' }),
  'GET /api/hotline/similar': async (_t, unit) => ({ url: `/api/hotline/similar?unitId=${unit.id}&q=食堂` }),
  'POST /api/hotline/items': async () => ({ url: '/api/hotline/items' }),
  'POST /api/hotline/items/:id/me-too': async () => ({ url: '/api/hotline/items/1/me-too' }),
  'GET /api/hotline/board': async () => ({ url: '/api/hotline/board' }),
  'GET /api/hotline/mine': async () => ({ url: '/api/hotline/mine' }),
  'GET /api/hotline/mine/:id': async () => ({ url: '/api/hotline/mine/1' }),
  'GET /api/hotline/mine/:id/photos/:photoId': async () => ({ url: '/api/hotline/mine/1/photos/x' }),
  'POST /api/hotline/mine/:id/add-info': async () => ({
    url: '/api/hotline/mine/1/add-info',
    payload: { text: 'x', version: 1 },
  }),
  'POST /api/hotline/mine/:id/rate': async () => ({
    url: '/api/hotline/mine/1/rate',
    payload: { rating: 5, version: 1 },
  }),
  'POST /api/hotline/mine/:id/reopen': async () => ({
    url: '/api/hotline/mine/1/reopen',
    payload: { text: 'x', version: 1 },
  }),
  'GET /api/hotline/track/:code': async () => ({ url: '/api/hotline/track/KX000000-AAAAA', scoped: false }),
  'GET /api/hotline/track/:code/photos/:photoId': async () => ({
    url: '/api/hotline/track/KX000000-AAAAA/photos/x',
    scoped: false,
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

  'GET /api/hotline/settings': async () => ({ url: '/api/hotline/settings', scoped: false }),
  'PUT /api/hotline/settings': async (t) => {
    const { hotlineConfig } = await import('../modules/hotline/settings/hotline-settings.js');
    const { version, ...c } = await hotlineConfig(db(t.app));
    return {
      url: '/api/hotline/settings',
      payload: { ...c, reminderDays: (n++ % 3) + 1, smtp: null, version },
      scoped: false,
    };
  },
  'GET /api/hotline/routing-rules': async () => ({ url: '/api/hotline/routing-rules', scoped: false }),
  'POST /api/hotline/routing-rules': async (_t, unit) => ({
    url: '/api/hotline/routing-rules',
    payload: { category: `c${n++}`.slice(0, 8), unitId: unit.id, handlingUnitId: unit.id },
    scoped: false,
  }),
  'DELETE /api/hotline/routing-rules/:id': async (t, unit, caller) => {
    const { addRule } = await import('../modules/hotline/settings/routing.js');
    const r = await addRule(
      db(t.app),
      { personId: caller.id },
      { category: `d${n++}`, unitId: unit.id, handlingUnitId: unit.id },
    );
    return { url: `/api/hotline/routing-rules/${r.id}`, scoped: false };
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
