/**
 * Anonymous items this phone follows: the tracking code and the secret, kept in this browser
 * only when the reporter ticks "remember on this phone". They never go to the server except in
 * the header of a follow-up call, and they are kept per logged-in person, so a colleague who logs
 * in on the same phone does not see them.
 */
export type TTracked = { code: string; secret: string; title: string; savedAt: string };

const PREFIX = 'lifeline.hotline.tracked';
const key = (personId: number) => `${PREFIX}.${personId}`;

export function loadTracked(personId: number): TTracked[] {
  try {
    const raw = localStorage.getItem(key(personId));
    if (!raw) return [];
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (t): t is TTracked =>
        !!t && typeof t.code === 'string' && typeof t.secret === 'string' && typeof t.title === 'string',
    );
  } catch {
    return [];
  }
}

function store(personId: number, list: TTracked[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(key(personId));
    else localStorage.setItem(key(personId), JSON.stringify(list));
  } catch {
    // Private mode or storage full: the code and secret live only as long as the page.
  }
}

/** Remembers (or refreshes) a code and its secret; the newest first. */
export function rememberTracked(personId: number, entry: Omit<TTracked, 'savedAt'>): void {
  const rest = loadTracked(personId).filter((t) => t.code !== entry.code);
  store(personId, [{ ...entry, savedAt: new Date().toISOString() }, ...rest].slice(0, 20));
}

export function forgetTracked(personId: number, code: string): void {
  store(
    personId,
    loadTracked(personId).filter((t) => t.code !== code),
  );
}

export function isTracked(personId: number, code: string): boolean {
  return loadTracked(personId).some((t) => t.code === code);
}
