import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { drainJobs } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { SYSTEM_ACTOR } from '../audit/audit.js';
import type { Db } from '../db/types.js';
import { cancelJobs } from '../jobs/job-queue.js';
import { jobs } from '../jobs/jobs.table.js';
import { settings } from '../settings/settings.table.js';
import { enqueueOutbound, OUTBOUND_DELIVER_JOB, OUTBOUND_MAX_ATTEMPTS } from './outbound.service.js';
import { outboundMessages } from './outbound.table.js';
import { readSmtpSettings, saveSmtpSettings, setMailTransportFactory, smtpSettingsVersion } from './smtp.js';

// ---------------------------------------------------------------- a robot endpoint and an SMTP server

type Hit = { url: string; headers: IncomingHttpHeaders; body: unknown };
const robot = {
  hits: [] as Hit[],
  answer: (): { status: number; body: string } => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }),
};
const robotServer = createHttpServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    robot.hits.push({
      url: req.url ?? '',
      headers: req.headers,
      body: JSON.parse(Buffer.concat(chunks).toString()),
    });
    const { status, body } = robot.answer();
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
});

type Mail = { auth: string | null; from: string; to: string[]; data: string };
const mails: Mail[] = [];
/** Just enough SMTP (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) to receive what nodemailer sends. */
const smtpServer = createTcpServer((socket) => {
  socket.setEncoding('utf8');
  let buffer = '';
  let auth: string | null = null;
  let mail: Omit<Mail, 'data'> | null = null;
  let inData = false;
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 test.local ESMTP');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        if (mail) mails.push({ ...mail, data: buffer.slice(0, end) });
        buffer = buffer.slice(end + 5);
        inData = false;
        reply('250 2.0.0 queued');
        continue;
      }
      const nl = buffer.indexOf('\r\n');
      if (nl < 0) return;
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      const verb = line.split(' ')[0].toUpperCase();
      if (verb === 'EHLO') socket.write('250-test.local\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
      else if (verb === 'AUTH') {
        auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
        reply('235 2.7.0 accepted');
      } else if (verb === 'MAIL') {
        mail = { auth, from: line, to: [] };
        reply('250 OK');
      } else if (verb === 'RCPT') {
        mail?.to.push(line);
        reply('250 OK');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 go ahead');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else reply('250 OK');
    }
  });
  socket.on('error', () => undefined);
});

const listen = (server: {
  listen(port: number, host: string, cb: () => void): unknown;
  address(): unknown;
}) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

// ---------------------------------------------------------------- helpers

let t: TestApp;
let db: Db;
let robotUrl: string;
let smtpPort: number;

beforeAll(async () => {
  t = await buildTestApp();
  db = t.app.lifeline.database.db;
  robotUrl = `http://127.0.0.1:${await listen(robotServer)}/cgi-bin/webhook/send?key=secret-key`;
  smtpPort = await listen(smtpServer);
});
afterAll(async () => {
  robotServer.close();
  smtpServer.close();
  await t.close();
});
afterEach(() => {
  robot.hits = [];
  mails.length = 0;
  robot.answer = () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' });
  setMailTransportFactory();
  vi.restoreAllMocks();
});

/** Queues a message the way a module does: in the transaction of its cause. */
const enqueue = (input: Parameters<typeof enqueueOutbound>[1]) =>
  db.transaction((tx) => enqueueOutbound(tx, input));

const row = async (id: number) =>
  (await db.select().from(outboundMessages).where(eq(outboundMessages.id, id)))[0];
const jobOf = async (id: number) =>
  (
    await db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `${OUTBOUND_DELIVER_JOB}:${id}`))
  )[0];

/** Runs the message's job, moving each retry's backoff (run_at) to now, until it stops being queued. */
async function deliverWithRetries(id: number): Promise<void> {
  for (let i = 0; i < OUTBOUND_MAX_ATTEMPTS + 2; i += 1) {
    await db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(and(eq(jobs.dedupeKey, `${OUTBOUND_DELIVER_JOB}:${id}`), eq(jobs.status, 'queued')));
    await drainJobs(t.app);
    if ((await jobOf(id)).status !== 'queued') return;
  }
}

async function configureSmtp(password = 'smtp-Passw0rd') {
  return saveSmtpSettings(
    db,
    t.app.lifeline.crypto,
    SYSTEM_ACTOR,
    {
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      user: 'lifeline',
      from: 'hotline@example.cn',
      password,
    },
    await smtpSettingsVersion(db),
  );
}

// ---------------------------------------------------------------- tests

describe('group robots', () => {
  it('delivers a WeCom message once, as the robot text JSON, and marks it sent', async () => {
    const id = await enqueue({
      channel: 'wecom',
      target: robotUrl,
      subject: '职工快线',
      body: '新事项 RX-001 已受理',
    });
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0 });

    await drainJobs(t.app);
    await drainJobs(t.app);

    expect(robot.hits).toHaveLength(1);
    expect(robot.hits[0].url).toBe('/cgi-bin/webhook/send?key=secret-key');
    expect(robot.hits[0].headers['content-type']).toMatch(/^application\/json/);
    expect(robot.hits[0].body).toEqual({
      msgtype: 'text',
      text: { content: '职工快线\n新事项 RX-001 已受理' },
    });
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.sentAt).not.toBeNull();
    expect((await jobOf(id)).status).toBe('done');
  });

  it('queues nothing when the cause rolls back', async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(outboundMessages);
    await expect(
      db.transaction(async (tx) => {
        await enqueueOutbound(tx, { channel: 'dingtalk', target: robotUrl, body: 'never' });
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(outboundMessages);
    expect(after[0].n).toBe(before[0].n);
    await drainJobs(t.app);
    expect(robot.hits).toHaveLength(0);
  });

  it('retries a robot answering HTTP 500 and marks the message failed after the last attempt', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    robot.answer = () => ({ status: 500, body: 'internal error' });
    const id = await enqueue({ channel: 'dingtalk', target: robotUrl, body: '逾期提醒' });

    await drainJobs(t.app);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await row(id)).lastError).toContain('HTTP 500');
    const job = await jobOf(id);
    expect(job.status).toBe('queued');
    expect(new Date(job.runAt).getTime()).toBeGreaterThan(Date.now()); // backoff: not due yet
    expect(warn).not.toHaveBeenCalled();

    await deliverWithRetries(id);
    expect(robot.hits).toHaveLength(OUTBOUND_MAX_ATTEMPTS);
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: OUTBOUND_MAX_ATTEMPTS, sentAt: null });
    expect(failed.lastError).toBe('dingtalk robot answered HTTP 500: internal error');
    expect((await jobOf(id)).status).toBe('failed');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0][0]))).toMatchObject({
      level: 40,
      outboundMessageId: id,
      channel: 'dingtalk',
      msg: 'outbound message could not be delivered',
    });
    expect(String(warn.mock.calls[0][0])).not.toContain('secret-key');
  });

  it('treats an errcode other than 0 as a failure, and succeeds once the robot accepts', async () => {
    robot.answer = () => ({ status: 200, body: '{"errcode":310000,"errmsg":"keywords not in content"}' });
    const id = await enqueue({ channel: 'wecom', target: robotUrl, body: '测试' });
    await drainJobs(t.app);
    expect(await row(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'wecom robot refused: errcode 310000 keywords not in content',
    });

    robot.answer = () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' });
    await deliverWithRetries(id);
    expect(robot.hits).toHaveLength(2);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never throws when queueing for an unreachable or bogus target; the failure is kept on the row', async () => {
    const unreachable = await enqueue({
      channel: 'wecom',
      target: 'http://127.0.0.1:1/send?key=k',
      body: 'x',
    });
    const bogus = await enqueue({ channel: 'dingtalk', target: 'not a url', body: 'x' });
    await drainJobs(t.app);
    expect((await row(unreachable)).lastError).toMatch(/^wecom robot unreachable: /);
    expect(await row(bogus)).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await row(bogus)).lastError).toMatch(/^dingtalk robot unreachable: /);
    for (const id of [unreachable, bogus]) await cancelJobs(db, `${OUTBOUND_DELIVER_JOB}:${id}`);
  });
});

describe('e-mail', () => {
  it('keeps the message queued with the reason while no server is configured', async () => {
    const id = await enqueue({ channel: 'email', target: 'a@example.cn', subject: 's', body: 'b' });
    await drainJobs(t.app);
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await row(id)).lastError).toContain('No e-mail server is configured');
    await cancelJobs(db, `${OUTBOUND_DELIVER_JOB}:${id}`);
  });

  it('stores the SMTP password encrypted, never shows it, and keeps it unless told otherwise', async () => {
    const { crypto } = t.app.lifeline;
    expect(await readSmtpSettings(db)).toBeNull();
    const saved = await configureSmtp('Top-Secret-1');
    const expected = {
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      user: 'lifeline',
      from: 'hotline@example.cn',
    };
    expect(saved.smtp).toEqual({ ...expected, passwordSet: true });
    expect(await readSmtpSettings(db)).toEqual({ ...expected, passwordSet: true });
    const [stored] = await db.select().from(settings).where(eq(settings.key, 'outbound.smtp'));
    expect(JSON.stringify(stored.value)).not.toContain('Top-Secret-1');
    expect(String(stored.value.passwordEnc)).toMatch(/^enc:v1:/);

    // Password omitted: kept. Changing the server without it: refused (it would be sent there).
    const kept = await saveSmtpSettings(
      db,
      crypto,
      SYSTEM_ACTOR,
      { ...expected, from: 'x@example.cn' },
      saved.version,
    );
    expect(kept.smtp?.passwordSet).toBe(true);
    await expect(
      saveSmtpSettings(db, crypto, SYSTEM_ACTOR, { ...expected, host: 'smtp.evil.example' }, kept.version),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(saveSmtpSettings(db, crypto, SYSTEM_ACTOR, expected, saved.version)).rejects.toMatchObject({
      code: 'conflict',
    });
    const noPassword = await saveSmtpSettings(
      db,
      crypto,
      SYSTEM_ACTOR,
      { ...expected, password: '' },
      kept.version,
    );
    expect(noPassword.smtp?.passwordSet).toBe(false);
    const cleared = await saveSmtpSettings(db, crypto, SYSTEM_ACTOR, null, noPassword.version);
    expect(cleared.smtp).toBeNull();
    expect(await readSmtpSettings(db)).toBeNull();

    // Without a version (an enclosing form checked its own), the save applies to the current one.
    const unversioned = await saveSmtpSettings(db, crypto, SYSTEM_ACTOR, { ...expected, password: 'p' });
    expect(unversioned).toEqual({ smtp: { ...expected, passwordSet: true }, version: cleared.version + 1 });
    await saveSmtpSettings(db, crypto, SYSTEM_ACTOR, null);
  });

  it('sends through the configured SMTP server with its login, from, to, subject and body', async () => {
    await configureSmtp('smtp-Passw0rd');
    const id = await enqueue({
      channel: 'email',
      target: 'safety@example.cn',
      subject: 'Hotline item RX-002 needs action',
      body: 'Please open item RX-002 today.',
    });
    await drainJobs(t.app);

    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.auth).toBe('\0lifeline\0smtp-Passw0rd');
    expect(mail.from).toBe('MAIL FROM:<hotline@example.cn>');
    expect(mail.to).toEqual(['RCPT TO:<safety@example.cn>']);
    expect(mail.data).toMatch(/^From: hotline@example\.cn$/m);
    expect(mail.data).toMatch(/^To: safety@example\.cn$/m);
    expect(mail.data).toMatch(/^Subject: Hotline item RX-002 needs action$/m);
    expect(mail.data).toContain('Please open item RX-002 today.');
  });

  it('uses an injected transport (here nodemailer jsonTransport) for the message', async () => {
    await configureSmtp('smtp-Passw0rd');
    const sent: Record<string, unknown>[] = [];
    const seen: unknown[] = [];
    setMailTransportFactory((options) => {
      seen.push(options);
      const json = createTransport({ jsonTransport: true });
      return {
        sendMail: async (message) => {
          const info = await json.sendMail(message);
          sent.push(JSON.parse(info.message as string));
        },
        close: () => json.close(),
      };
    });
    const id = await enqueue({
      channel: 'email',
      target: '张三 <zhangsan@example.cn>',
      subject: '事项已答复',
      body: '您好，\n已答复。',
    });
    await drainJobs(t.app);

    expect(await row(id)).toMatchObject({ status: 'sent' });
    expect(seen).toEqual([
      expect.objectContaining({
        host: '127.0.0.1',
        port: smtpPort,
        auth: { user: 'lifeline', pass: 'smtp-Passw0rd' },
      }),
    ]);
    expect(sent).toEqual([
      expect.objectContaining({
        from: { address: 'hotline@example.cn', name: '' },
        to: [{ address: 'zhangsan@example.cn', name: '张三' }],
        subject: '事项已答复',
        text: '您好，\n已答复。',
      }),
    ]);
    expect(mails).toHaveLength(0);
  });
});
