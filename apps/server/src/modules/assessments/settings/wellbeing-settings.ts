import {
  DEFAULT_RETENTION_DAYS,
  type TWellbeingSettings,
  type TWellbeingSettingsInput,
  ZHelpInfo,
  ZRetentionDays,
  ZZungRounding,
} from '@lifeline/shared';
import { z } from 'zod';
import type { Actor } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/types.js';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.js';

const KEY = 'wellbeing';

const ZStored = z.object({
  openToEveryone: z.boolean(),
  retentionDays: ZRetentionDays,
  zungRounding: ZZungRounding,
  help: ZHelpInfo,
});
type Stored = z.infer<typeof ZStored>;

/** Until an administrator saves them: self-check for logged-in people only, two years, no help text. */
export const WELLBEING_DEFAULTS: Stored = {
  openToEveryone: false,
  retentionDays: DEFAULT_RETENTION_DAYS,
  zungRounding: 'floor',
  help: { message: { zh: '', en: '' }, contacts: [] },
};

export async function wellbeingSettings(db: Db): Promise<TWellbeingSettings> {
  const s = await readSetting(db, KEY, ZStored, WELLBEING_DEFAULTS);
  return { ...s.value, version: s.version, updatedAt: s.updatedAt };
}

export async function saveWellbeingSettings(
  db: Db,
  actor: Actor,
  input: TWellbeingSettingsInput,
): Promise<TWellbeingSettings> {
  const before = await wellbeingSettings(db);
  const { version, ...value } = input;
  const saved = await writeSetting(db, actor, KEY, value, version, {
    openToEveryone: before.openToEveryone,
    retentionDays: before.retentionDays,
    zungRounding: before.zungRounding,
    help: before.help,
  });
  return { ...saved.value, version: saved.version, updatedAt: saved.updatedAt };
}
