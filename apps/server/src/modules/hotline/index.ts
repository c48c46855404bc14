/**
 * The employee hotline: routes and its deadline jobs, and the re-keying of confidential reporters
 * and "me too" votes after a secret rotation (`lifeline rotate-keys`).
 */
export { rotateHotlineKeys } from './hotline.rotation.js';
export { hotlineRoutes } from './hotline.routes.js';
/** What waits for the caller on the hotline (for the workbench), by the item policy's scope. */
export { hotlineWaiting } from './hotline.waiting.js';
export { hotlineJobs, scheduleCalendarSweep } from './sla/sla.jobs.js';
