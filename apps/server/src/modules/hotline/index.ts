/** The employee hotline: routes and its deadline jobs. */
export { hotlineRoutes } from './hotline.routes.js';
/** What waits for the caller on the hotline (for the workbench), by the item policy's scope. */
export { hotlineWaiting } from './hotline.waiting.js';
export { hotlineJobs, scheduleCalendarSweep } from './sla/sla.jobs.js';
