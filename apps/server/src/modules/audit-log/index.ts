/** The audit-log module's public face: its routes. */
export { auditLogRoutes } from './audit-log.routes.js';
/** The caller's own recent changes (for the workbench): never another person's, no sensitive events. */
export { myRecentActivity } from './my-activity.js';
