/** The employee hotline: routes and its deadline jobs. */
export { hotlineRoutes } from './hotline.routes.js';
export { hotlineJobs, scheduleCalendarSweep } from './sla/sla.jobs.js';
