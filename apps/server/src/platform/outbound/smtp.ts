import { sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { z } from 'zod';
import type { Actor } from '../audit/audit.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { type RotationCounts, updatedRows } from '../crypto/rotation.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors.js';
import { readSetting, writeSetting } from '../settings/settings.service.js';

/**
 * E-mail through the organisation's SMTP server. Its settings are a platform setting; the
 * password is stored encrypted with the field crypto and never returned, only whether one is set.
 */

const SETTING_KEY = 'outbound.smtp';
const PASSWORD_CONTEXT = 'outbound.smtp.password';

const ZStoredSmtp = z.object({
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string(),
  from: z.string(),
  passwordEnc: z.string().nullable(),
});
type TStoredSmtp = z.infer<typeof ZStoredSmtp>;
/** What is stored while no server is configured (never saved, or cleared with null). */
const UNSET: TStoredSmtp = { host: '', port: 587, secure: false, user: '', from: '', passwordEnc: null };

/** The settings as shown to administrators. */
export type TSmtpSettingsView = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  from: string;
  passwordSet: boolean;
};

/** The settings as saved by administrators; `password` undefined keeps the stored one, '' removes it. */
export type TSmtpSettingsSave = Omit<TSmtpSettingsView, 'passwordSet'> & { password?: string };

function view(stored: TStoredSmtp): TSmtpSettingsView | null {
  if (!stored.host) return null;
  const { passwordEnc, ...rest } = stored;
  return { ...rest, passwordSet: passwordEnc !== null };
}

/** The configured server, or null when e-mail is not set up. */
export async function readSmtpSettings(db: Db): Promise<TSmtpSettingsView | null> {
  return view((await readSetting(db, SETTING_KEY, ZStoredSmtp, UNSET)).value);
}

/** The settings' version for `saveSmtpSettings` (0 while never saved). */
export async function smtpSettingsVersion(db: Db): Promise<number> {
  return (await readSetting(db, SETTING_KEY, ZStoredSmtp, UNSET)).version;
}

/**
 * Saves the server settings (null: no e-mail) with an audit row; a `version` that is no longer
 * current is a 409 conflict (omit it when an enclosing settings form already checked its own).
 * When the host, port, TLS or user change, a stored password is not carried over: it must be
 * entered again, so that nobody can point the server elsewhere and have it send the password there.
 */
export async function saveSmtpSettings(
  db: Db,
  crypto: FieldCrypto,
  actor: Actor,
  input: TSmtpSettingsSave | null,
  version?: number,
): Promise<{ smtp: TSmtpSettingsView | null; version: number }> {
  const current = await readSetting(db, SETTING_KEY, ZStoredSmtp, UNSET);
  let next: TStoredSmtp = UNSET;
  if (input) {
    const { password, ...fields } = input;
    const before = current.value;
    const sameServer =
      before.host === fields.host &&
      before.port === fields.port &&
      before.secure === fields.secure &&
      before.user === fields.user;
    if (password === undefined && before.passwordEnc && !sameServer) {
      throw new AppError('validation_failed', 'Enter the password again when the server or user changes', {
        fields: { password: 'required' },
      });
    }
    const passwordEnc =
      password === undefined
        ? before.passwordEnc
        : password === ''
          ? null
          : crypto.encrypt(password, PASSWORD_CONTEXT);
    next = { ...fields, passwordEnc };
  }
  const saved = await writeSetting(db, actor, SETTING_KEY, next, version ?? current.version, current.value, [
    'passwordEnc',
  ]);
  return { smtp: view(saved.value), version: saved.version };
}

/**
 * After LIFELINE_SECRET changes (ADR 0008): re-encrypts the stored SMTP password under the
 * current key, only if it is still the one read. The setting's version is not raised: its value
 * means the same, and a settings form open meanwhile still saves.
 */
export async function rotateSmtpKeys(db: Db, crypto: FieldCrypto): Promise<RotationCounts> {
  const { value } = await readSetting(db, SETTING_KEY, ZStoredSmtp, UNSET);
  const old = value.passwordEnc;
  if (!old || !crypto.needsRotation(old)) return { 'SMTP password': 0 };
  const passwordEnc = crypto.encrypt(crypto.decrypt(old, PASSWORD_CONTEXT), PASSWORD_CONTEXT);
  const n = await updatedRows(
    db,
    sql`update settings set value = jsonb_set(value, '{passwordEnc}', to_jsonb(${passwordEnc}::text))
      where key = ${SETTING_KEY} and value ->> 'passwordEnc' = ${old}`,
  );
  return { 'SMTP password': n };
}

/** The options a transport is made from (nodemailer's SMTP transport options). */
export type MailTransportOptions = {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};
/** The part of a nodemailer transporter that delivery uses. */
export type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close(): void;
};
export type MailTransportFactory = (options: MailTransportOptions) => MailTransport;

const smtpTransport: MailTransportFactory = (options) => createTransport(options);
let transportFactory: MailTransportFactory = smtpTransport;

/**
 * Replaces how transports are made, for tests (e.g. nodemailer's jsonTransport to capture the
 * messages); without an argument restores real SMTP.
 */
export function setMailTransportFactory(factory?: MailTransportFactory): void {
  transportFactory = factory ?? smtpTransport;
}

/** Sends one plain-text e-mail through the configured server; throws when it is not configured or refuses. */
export async function sendEmail(
  db: Db,
  crypto: FieldCrypto,
  message: { to: string; subject: string; body: string },
): Promise<void> {
  const { value } = await readSetting(db, SETTING_KEY, ZStoredSmtp, UNSET);
  if (!value.host || !value.from) throw new Error('No e-mail server is configured (settings: outbound.smtp)');
  const pass = value.passwordEnc ? crypto.decrypt(value.passwordEnc, PASSWORD_CONTEXT) : undefined;
  const transport = transportFactory({
    host: value.host,
    port: value.port,
    secure: value.secure,
    auth: value.user && pass !== undefined ? { user: value.user, pass } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({
      from: value.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
    });
  } finally {
    transport.close();
  }
}
