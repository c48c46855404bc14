import pg from 'pg';

/**
 * node-postgres's pool, keeping a client after an error the database answered. The stock pool
 * closes the connection whenever a query fails — a unique violation, a division by zero —
 * although the session is fine: on PostgreSQL that throws away the backend with its caches and
 * prepared statements; on PGlite, whose one connection object the pool's next client reuses,
 * the closing raced with the reopening and the next query failed ("Connection terminated").
 * Only errors that end the session (FATAL, PANIC) or come from the connection itself (no
 * severity: a broken socket, a timeout) still remove the client.
 */
export class Pool extends pg.Pool {
  // pg-pool's internal release; the one place that decides whether a client goes back to the pool.
  // biome-ignore lint/suspicious/noExplicitAny: private API of pg-pool, typed loosely on purpose.
  _release(client: any, idleListener: any, err?: Error): void {
    (pg.Pool.prototype as unknown as { _release(c: unknown, l: unknown, e?: Error): void })._release.call(
      this,
      client,
      idleListener,
      err && sessionSurvives(err) ? undefined : err,
    );
  }
}

function sessionSurvives(err: Error): boolean {
  const severity = (err as { severity?: unknown }).severity;
  return typeof severity === 'string' && severity !== 'FATAL' && severity !== 'PANIC';
}
