/** Role assignments' public face: who holds what, over which units, today. */
export { holdersOf, nearestHolders } from './holders.js';
export { roleRoutes } from './roles.routes.js';
export { holdingsOf, holdsRoleSql } from './roles.service.js';
