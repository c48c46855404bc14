/** Self-assessments (wellbeing): routes and the nightly retention job. */
export { assessmentRoutes } from './assessments.routes.js';
/** Re-encrypts wellbeing results after a secret rotation (`lifeline rotate-keys`). */
export { rotateAssessmentKeys } from './results/result-rotation.js';
export { retentionJobs, scheduleRetention } from './results/retention.js';
