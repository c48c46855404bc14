export * from './aggregates.js';
export * from './api.js';
export * from './builtins.js';
export * from './definition.js';
export * from './scales.js';
export * from './scoring.js';
export * from './settings.js';
export * from './storage.js';
