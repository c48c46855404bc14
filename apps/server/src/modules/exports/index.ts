/** Exports' public face: the routes where people follow and download their exports. */
export { presentExport } from './exports.presenter.js';
export { exportRoutes } from './exports.routes.js';
