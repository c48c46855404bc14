export * from './assignments.js';
export * from './audit.js';
export * from './auth.js';
export * from './id-card.js';
export * from './imports.js';
export * from './org-units.js';
export * from './people.js';
export * from './roles.js';
