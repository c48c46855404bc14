/** The audit-log module's public face: its routes. */
export { auditLogRoutes } from './audit-log.routes.js';
