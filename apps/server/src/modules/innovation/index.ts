/** Innovation projects in political work: routes and milestone reminders. */
export { innovationRoutes } from './innovation.routes.js';
export { innovationJobs } from './management/reminders.js';
