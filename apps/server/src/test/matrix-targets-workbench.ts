import type { Person, Unit } from './factories.js';
import type { Target } from './matrix-targets.js';
import type { TestApp } from './test-app.js';

type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;
let n = 0;

/** A change recorded in the audit trail as the person's, naming a record no other event names. */
async function changeBy(t: TestApp, person: Person): Promise<string> {
  const { writeAudit } = await import('../platform/audit/audit.js');
  n += 1;
  const marker = `wb${Date.now().toString(36)}x${n}`;
  await writeAudit(
    t.app.lifeline.database.db,
    { personId: person.id, role: 'employee' },
    {
      action: 'person.update',
      recordType: 'person',
      recordId: marker,
    },
  );
  return marker;
}

/**
 * The workbench answers only about the caller (the route builds its record from the session): the
 * caller's own recent change is listed, another person's is not. What waits in each module is
 * proven per kind in workbench.test.ts.
 */
export const workbenchTargets: Record<string, Make> = {
  'GET /api/workbench': async (t, _unit, caller) => ({
    url: '/api/workbench',
    owner: true,
    listed: await changeBy(t, caller),
  }),
};
