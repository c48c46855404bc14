/** The workbench: what waits for each person across modules. Its public face: its routes. */
export { workbenchRoutes } from './workbench.routes.js';
