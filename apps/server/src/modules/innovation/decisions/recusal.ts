import type { PersonRef } from '../innovation.access.js';

export type Recusal = { personId: number; reason: 'unit' | 'team' };

/**
 * Members who must stay out of a project's decision: those who belong to the applicant unit's
 * subtree, and the project's leader and team.
 */
export function recusals(
  members: PersonRef[],
  project: { unitPath: string; leaderId: number; teamIds: number[] },
): Recusal[] {
  const team = new Set([project.leaderId, ...project.teamIds]);
  return members.flatMap((m): Recusal[] => {
    if (team.has(m.id)) return [{ personId: m.id, reason: 'team' }];
    if (m.unitPath.startsWith(project.unitPath)) return [{ personId: m.id, reason: 'unit' }];
    return [];
  });
}
