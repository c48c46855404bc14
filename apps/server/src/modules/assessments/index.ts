/** Self-assessments (wellbeing): routes and the nightly retention job. */
export { assessmentRoutes } from './assessments.routes.js';
export { retentionJobs, scheduleRetention } from './results/retention.js';
