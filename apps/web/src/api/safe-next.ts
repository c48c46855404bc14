/**
 * The `next` parameter of the login page, kept only when it is a path on this site: an open
 * redirect to another origin would let a phishing link borrow our login page.
 */
export function safeNext(next: string | null, fallback: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** The login URL that brings the user back to where they were. */
export function loginUrl(
  loginPath: string,
  location: { pathname: string; search: string; hash: string },
): string {
  const here = location.pathname + location.search + location.hash;
  return `${loginPath}?next=${encodeURIComponent(here)}`;
}
