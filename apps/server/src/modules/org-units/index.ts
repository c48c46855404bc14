/**
 * The organisation tree's public face. Other modules find and check units here; `orgUnits` is
 * exported read-only, for joins that read a unit's name and path in the same query (writes go
 * through this module's services; the import-graph test refuses another module's write).
 */
export { assertStands, beijingToday, isDissolved, standsSql } from './dissolution.js';
export { orgUnitRoutes } from './org-units.routes.js';
export { findUnit, getUnit } from './org-units.service.js';
export { orgUnits } from './org-units.table.js';
