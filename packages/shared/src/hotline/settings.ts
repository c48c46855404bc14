import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';
import { ZHotlineUrgency } from './enums.js';

export const ZHotlineCategory = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _'),
  zh: z.string().trim().min(1).max(20),
  en: z.string().trim().min(1).max(40),
  /** "Answer within N working days" for normal items of this category. */
  answerDays: z.number().int().min(1).max(60),
  active: z.boolean().default(true),
});
export type THotlineCategory = z.infer<typeof ZHotlineCategory>;

/**
 * The hotline's settings: categories, the office that triages whatever no rule routes, the
 * hours for immediate items, reminders, and the outgoing e-mail server (its password is never
 * sent back: `smtp.passwordSet` says whether one is stored).
 */
export const ZHotlineSettings = z.object({
  categories: z.array(ZHotlineCategory).min(1).max(40),
  officeUnitId: z.number().nullable(),
  immediateHours: z.number().int().min(1).max(24),
  /** Remind handlers this many working hours… days before an answer is due (0: on the day). */
  reminderDays: z.number().int().min(0).max(5),
  smtp: z
    .object({
      host: z.string().trim().max(200),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean(),
      user: z.string().trim().max(200),
      from: z.string().trim().max(200),
      passwordSet: z.boolean(),
    })
    .nullable(),
  version: z.number(),
});
export type THotlineSettings = z.infer<typeof ZHotlineSettings>;

export const ZHotlineSettingsInput = ZHotlineSettings.omit({ smtp: true, version: true }).extend({
  smtp: z
    .object({
      host: z.string().trim().min(1).max(200),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean(),
      user: z.string().trim().max(200),
      from: z.string().trim().email().max(200),
      /** Omit to keep the stored password. */
      password: z.string().max(200).optional(),
    })
    .nullable(),
  version: ZVersion,
});
export type THotlineSettingsInput = z.infer<typeof ZHotlineSettingsInput>;

/** A routing rule: items of a category (or any) about a unit's subtree go to a handling unit. */
export const ZRoutingRule = z.object({
  id: z.number(),
  category: z.string().nullable(),
  unit: z.object({ id: z.number(), name: z.string() }),
  handlingUnit: z.object({ id: z.number(), name: z.string() }),
  version: z.number(),
});
export type TRoutingRule = z.infer<typeof ZRoutingRule>;
export const ZRoutingRuleInput = z.object({
  category: z.string().trim().min(1).max(32).nullable(),
  unitId: z.number().int().positive(),
  handlingUnitId: z.number().int().positive(),
});

/** A unit's safety contact (told at once of an immediate item) and its outgoing channels. */
export const ZUnitChannels = z.object({
  unitId: z.number(),
  safetyContactPersonId: z.number().nullable(),
  safetyContactName: z.string().nullable(),
  email: z.string().nullable(),
  wecomWebhook: z.string().nullable(),
  dingtalkWebhook: z.string().nullable(),
  version: z.number(),
});
export type TUnitChannels = z.infer<typeof ZUnitChannels>;
export const ZUnitChannelsInput = z.object({
  safetyContactPersonId: z.number().int().positive().nullable(),
  email: z.string().trim().email().max(200).nullable(),
  wecomWebhook: z
    .string()
    .trim()
    .url()
    .refine(
      (u) => u.startsWith('https://qyapi.weixin.qq.com/'),
      'A WeCom group-robot webhook URL (https://qyapi.weixin.qq.com/…)',
    )
    .nullable(),
  dingtalkWebhook: z
    .string()
    .trim()
    .url()
    .refine(
      (u) => u.startsWith('https://oapi.dingtalk.com/'),
      'A DingTalk robot webhook URL (https://oapi.dingtalk.com/…)',
    )
    .nullable(),
  version: ZVersion,
});
export const ZUrgencyIn = ZHotlineUrgency;
