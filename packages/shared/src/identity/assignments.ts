import { z } from 'zod';
import { ZDateString } from '../platform/fields.js';
import { ZRole } from './roles.js';

const ZDate = ZDateString;

export const ZRoleAssignment = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  employeeNo: z.string(),
  role: ZRole,
  unitId: z.number(),
  unitName: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type TRoleAssignment = z.infer<typeof ZRoleAssignment>;

/** `GET /api/role-assignments/grantable`: the roles the caller may grant on a unit (to a person). */
export const ZGrantableQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  personId: z.coerce.number().int().positive().optional(),
});
export const ZGrantableRoles = z.object({ roles: z.array(ZRole) });

export const ZRoleAssignmentCreate = z
  .object({
    personId: z.number().int().positive(),
    role: ZRole,
    unitId: z.number().int().positive(),
    startsOn: ZDate.nullish(),
    endsOn: ZDate.nullish(),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn, {
    message: 'endsOn must not be before startsOn',
    path: ['endsOn'],
  });

export const ZRoleAssignmentQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  personId: z.coerce.number().int().positive().optional(),
  role: ZRole.optional(),
  // Query strings are text: only 'true' means true (z.coerce.boolean would read 'false' as true).
  includeEnded: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** `POST /api/people/:id/account`: create an account with an initial password (must be changed). */
export const ZAccountCreate = z.object({ initialPassword: z.string().min(1).max(200) });
export const ZAccountUpdate = z.object({
  disabled: z.boolean().optional(),
  resetPassword: z.string().min(1).max(200).optional(),
  unlock: z.boolean().optional(),
});
export const ZAccount = z.object({
  personId: z.number(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the caller may change it: only with scope over every role the account holds. */
  abilities: z.object({ update: z.boolean() }),
});
export type TAccount = z.infer<typeof ZAccount>;
