export * from './counselling/index.js';
export * from './errors.js';
export * from './health.js';
export * from './identity/index.js';
export * from './innovation/index.js';
export * from './platform/calendar.js';
export * from './platform/notifications.js';
export * from './wellbeing/index.js';
