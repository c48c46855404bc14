/** Coaches and consultations: routes, and which coaches serve an employee (for shares of results). */
export { activeCoach } from './coaches.js';
export { counsellingRoutes } from './counselling.routes.js';
