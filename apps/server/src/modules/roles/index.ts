/** Role assignments' public face: who holds what, over which units, today. */
export { holdersOf, holdingsWithin, nearestHolders } from './holders.js';
export { roleRoutes } from './roles.routes.js';
export { holdingsOf, holdsRoleSql } from './roles.service.js';
