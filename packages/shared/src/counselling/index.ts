export * from './consultations.js';
export * from './profiles.js';
export * from './registry.js';
