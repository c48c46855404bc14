import { ApiError, apiErrorFromResponse } from '../../api/api-error';

/** The file name a download answer suggests (`filename*=UTF-8''…` first, as it keeps Chinese). */
function suggestedName(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name: fall through to the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (err) {
    throw new ApiError('network', 0, err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await apiErrorFromResponse(res);
  return res;
}

/**
 * Downloads a file the API generates (an Excel export, a template, an error report). It is
 * fetched rather than linked, so that a refusal shows as a translated message on the page
 * instead of replacing the page with the server's JSON.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await send(path, { headers: { accept: '*/*' } });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName(res, fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file by the next task; the URL only holds memory after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Uploads one file as multipart `file` and returns the JSON answer (apiFetch sends only JSON). */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await send(path, { method: 'POST', body, headers: { accept: 'application/json' } });
  return (await res.json()) as T;
}

/** The set values only (unset filters left out): a JSON body of filters. */
export function withoutEmpty<T extends Record<string, unknown>>(params: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false),
  ) as Partial<T>;
}

/** A query string of the set values only (unset filters are left out). */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
