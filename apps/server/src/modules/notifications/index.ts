/** The notifications module's public face: its routes. */
export { notificationRoutes } from './notifications.routes.js';
