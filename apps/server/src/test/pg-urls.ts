/** Names and URLs of the PostgreSQL databases that tests create (one per run and per file). */
export function templateName(): string {
  return `lifeline_tpl_${process.pid}`;
}

/** A URL to the same server's maintenance database, for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
