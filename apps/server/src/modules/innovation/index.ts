/** Innovation projects in political work: routes and milestone reminders. */
export { innovationRoutes } from './innovation.routes.js';
/** What waits for the caller in innovation (for the workbench), by the module's own policies. */
export { innovationWaiting } from './innovation.waiting.js';
export { innovationJobs } from './management/reminders.js';
