export * from './enums.js';
export * from './items.js';
export * from './settings.js';
export * from './stats.js';
export * from './workflow.js';
