export * from './consultations.js';
export * from './profiles.js';
