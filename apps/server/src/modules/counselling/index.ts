/** Coaches and consultations: routes, and which coaches serve an employee (for shares of results). */
export { activeCoach } from './coaches.js';
/** Re-encrypts consultation requests and coaches' notes after a secret rotation (`lifeline rotate-keys`). */
export { rotateCounsellingKeys } from './counselling.rotation.js';
export { counsellingRoutes } from './counselling.routes.js';
/** What waits for a coach (for the workbench), as their inbox shows it. */
export { counsellingWaiting } from './counselling.waiting.js';
