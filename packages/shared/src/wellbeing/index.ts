export * from './api.js';
export * from './builtins.js';
export * from './definition.js';
export * from './scoring.js';
