/** Coaches and consultations: routes, and which coaches serve an employee (for shares of results). */
export { activeCoach } from './coaches.js';
export { counsellingRoutes } from './counselling.routes.js';
/** What waits for a coach (for the workbench), as their inbox shows it. */
export { counsellingWaiting } from './counselling.waiting.js';
