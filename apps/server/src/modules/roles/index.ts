/** Role assignments' public face: who holds what, over which units, today. */
export { roleRoutes } from './roles.routes.js';
export { holdingsOf, holdsRoleSql } from './roles.service.js';
