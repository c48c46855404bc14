/**
 * The roster's public face: finding and checking people, who may see them, the phone numbers
 * that are login names, `people` read-only for joins that read a name in the same query, and
 * `people_headcounts`, the roster's counts per unit and status, read-only.
 */
export { peopleHeadcounts } from './headcounts.table.js';
export { importJobs } from './import/import.jobs.js';
export { personPolicy } from './people.policy.js';
/** Re-encrypts ID-card numbers and recomputes their blind index after a secret rotation (`lifeline rotate-keys`). */
export { rotatePeopleKeys } from './people.rotation.js';
export { peopleRoutes } from './people.routes.js';
export { findPerson, getPerson } from './people.service.js';
export { people } from './people.table.js';
export { peopleExcelRoutes } from './people-excel.routes.js';
export { phoneHeldBy } from './phone-holders.js';
