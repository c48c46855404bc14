/**
 * WeCom (企业微信) and DingTalk (钉钉) group robots: a text message POSTed as JSON to the robot's
 * webhook URL. Both answer `{"errcode":0}` on success; anything else is a failure whose message is
 * thrown so the delivery job can store it and retry. The URL carries the robot's key, so it never
 * appears in an error message.
 */

export type RobotChannel = 'wecom' | 'dingtalk';

/** Largest text content each robot accepts, in UTF-8 bytes (WeCom documents 2048). */
const MAX_CONTENT_BYTES: Record<RobotChannel, number> = { wecom: 2048, dingtalk: 20_000 };
const TIMEOUT_MS = 5000;

/** A robot refused or could not take a message; the message is safe to store and show. */
export class WebhookError extends Error {
  override name = 'WebhookError';
}

/** Sends a text message to a group robot; resolves when the robot accepted it. */
export async function sendRobotText(channel: RobotChannel, url: string, content: string): Promise<void> {
  const payload = { msgtype: 'text', text: { content: truncateUtf8(content, MAX_CONTENT_BYTES[channel]) } };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    throw new WebhookError(`${channel} robot unreachable: ${networkReason(err)}`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok)
    throw new WebhookError(`${channel} robot answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text);
  } catch {
    throw new WebhookError(`${channel} robot answered something other than JSON: ${text.slice(0, 200)}`);
  }
  if (answer?.errcode !== 0) {
    throw new WebhookError(
      `${channel} robot refused: errcode ${String(answer?.errcode)} ${String(answer?.errmsg ?? '')}`,
    );
  }
}

/** The reason of a failed fetch without its URL: a timeout, or the socket error's code. */
function networkReason(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  }
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/** Cuts a text to at most `max` UTF-8 bytes on a character boundary, marking the cut with "…". */
export function truncateUtf8(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 3; // the ellipsis
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > max) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}
