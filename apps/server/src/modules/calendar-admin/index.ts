/** The calendar-admin module's public face: its routes. */
export { calendarAdminRoutes } from './calendar-admin.routes.js';
