import { z } from 'zod';
import { ZCoachKind } from './profiles.js';

/**
 * The coach team of a unit's subtree (幸福教练队伍 and 心理服务义工队): the people who hold the
 * coach or volunteer role in force on a unit of the subtree, counted by kind, and listed with the
 * team they serve and whether their profile is open to employees.
 */
export const ZCoachRegistry = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  coaches: z.number(),
  volunteers: z.number(),
  members: z.array(
    z.object({
      personId: z.number(),
      name: z.string(),
      unitName: z.string(),
      kind: ZCoachKind,
      /** The unit whose subtree the member serves (where the role is held). */
      team: z.object({ id: z.number(), name: z.string() }),
      /** The member's profile is published to employees. */
      listed: z.boolean(),
    }),
  ),
});
export type TCoachRegistry = z.infer<typeof ZCoachRegistry>;
