import type { Actor } from './actor.js';

/** An actor as kept between requests: who they are and their grants, not the request's address. */
export type CachedActor = Omit<Actor, 'ip' | 'requestId'>;
type Entry = { actor: CachedActor; at: number };
export type ForgetWhom = { sessionId?: string; accountId?: number; personId?: number } | 'everyone';

/** Every cache of the process, so that a revocation reaches all of them at once. */
const caches = new Set<ActorCache>();

/**
 * Sessions resolved in the last few seconds, so that most requests need no session look-up in
 * the database. A revocation on this instance (logout, a disabled account, a changed password, a
 * role ended, a unit moved or dissolved) forgets the actors concerned at once, after its
 * transaction commits; other instances see it when their entries run out (`ttlMs`).
 *
 * A look-up that began before a revocation must not store what it read: each store carries the
 * generation at which its look-up began, and any forgetting moves the generation on.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly max = 20_000,
  ) {
    if (ttlMs > 0) caches.add(this);
  }

  /** The generation to pass back to `store` when the look-up it starts ends. */
  begin(): number {
    return this.generation;
  }

  get(sessionId: string, now = Date.now()): CachedActor | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (now - entry.at >= this.ttlMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.actor;
  }

  store(actor: CachedActor, startedAt: number, now = Date.now()): void {
    if (this.ttlMs <= 0 || startedAt !== this.generation) return;
    if (this.entries.size >= this.max) {
      // The oldest entry goes first (a Map keeps insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(actor.sessionId);
    this.entries.set(actor.sessionId, { actor, at: now });
  }

  forget(whom: ForgetWhom): void {
    this.generation += 1;
    if (whom === 'everyone') {
      this.entries.clear();
      return;
    }
    for (const [key, { actor }] of this.entries) {
      if (key === whom.sessionId || actor.accountId === whom.accountId || actor.personId === whom.personId) {
        this.entries.delete(key);
      }
    }
  }

  /** Stops taking part in process-wide revocations (the app closed). */
  close(): void {
    caches.delete(this);
    this.entries.clear();
  }
}

/**
 * Forgets cached actors in every cache of the process. Call it after the transaction that
 * revokes commits: a look-up racing with it then cannot store the old state.
 */
export function forgetActors(whom: ForgetWhom): void {
  for (const cache of caches) cache.forget(whom);
}
