/**
 * Unfinished answers, kept on this device only (never sent before the end), per person and
 * instrument, so that a scale can be resumed after a call or a closed tab.
 */
export type TDraft = {
  /** The instrument version answered; a draft of another version is dropped. */
  version: string;
  /** Whether the result is to be kept ('store') or only looked at ('check'). */
  mode: 'store' | 'check';
  answers: (number | null)[];
  /** The item to show on resuming (0-based). */
  index: number;
  savedAt: string;
};

const PREFIX = 'lifeline.wellbeing.draft';
const key = (personId: number, instrument: string) => `${PREFIX}.${personId}.${instrument}`;

/** The saved draft of an instrument, or null (none, another version, or unreadable). */
export function loadDraft(
  personId: number,
  instrument: string,
  version: string,
  items: number,
): TDraft | null {
  try {
    const raw = localStorage.getItem(key(personId, instrument));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<TDraft>;
    if (d.version !== version || !Array.isArray(d.answers) || d.answers.length !== items) return null;
    if (!d.answers.some((a) => typeof a === 'number')) return null;
    const index = typeof d.index === 'number' ? Math.min(Math.max(0, d.index), items - 1) : 0;
    return {
      version,
      mode: d.mode === 'check' ? 'check' : 'store',
      answers: d.answers.map((a) => (typeof a === 'number' ? a : null)),
      index,
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : '',
    };
  } catch {
    return null;
  }
}

/** Keeps the draft; storage being full or disabled only means no resuming. */
export function saveDraft(personId: number, instrument: string, draft: Omit<TDraft, 'savedAt'>): void {
  try {
    localStorage.setItem(
      key(personId, instrument),
      JSON.stringify({ ...draft, savedAt: new Date().toISOString() }),
    );
  } catch {
    // Private mode or storage full: the answers live in the page only.
  }
}

export function clearDraft(personId: number, instrument: string): void {
  try {
    localStorage.removeItem(key(personId, instrument));
  } catch {
    // Nothing was stored.
  }
}

/** Where a taking keeps its unfinished answers: one person's drafts on this device, or none. */
export type TDraftStore = {
  load(instrument: string, version: string, items: number): TDraft | null;
  save(instrument: string, draft: Omit<TDraft, 'savedAt'>): void;
  clear(instrument: string): void;
};

/** The drafts of a logged-in person, keyed by their id and the instrument. */
export function personDrafts(personId: number): TDraftStore {
  return {
    load: (instrument, version, items) => loadDraft(personId, instrument, version, items),
    save: (instrument, draft) => saveDraft(personId, instrument, draft),
    clear: (instrument) => clearDraft(personId, instrument),
  };
}

/**
 * No drafts at all: the public self-check keeps nothing on the device, since a phone may be
 * shared or borrowed, and the answers live in the page until they are scored.
 */
export const NO_DRAFTS: TDraftStore = {
  load: () => null,
  save: () => undefined,
  clear: () => undefined,
};

/** Removes every draft of this person on this device ("delete all my data"). */
export function clearAllDrafts(personId: number): void {
  try {
    const prefix = `${PREFIX}.${personId}.`;
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      if (k?.startsWith(prefix)) keys.push(k);
    }
    for (const k of keys) localStorage.removeItem(k);
  } catch {
    // Nothing was stored.
  }
}
