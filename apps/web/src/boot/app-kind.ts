/** Whether a path belongs to the mobile (H5) app; everything else is the desktop back office. */
export function isMobilePath(pathname: string): boolean {
  return pathname === '/m' || pathname.startsWith('/m/');
}
