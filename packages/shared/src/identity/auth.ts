import { z } from 'zod';
import { ZPermission, ZRole } from './roles.js';

/** `POST /api/auth/login`: the login is an employee number or a phone number. */
export const ZLoginRequest = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** Password policy: at least 10 characters with at least three of lower, upper, digit, symbol. */
export const PASSWORD_MIN_LENGTH = 10;
export function passwordProblems(password: string, personal: string[] = []): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > 200) problems.push('too_long');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('too_simple');
  const lower = password.toLowerCase();
  if (personal.some((p) => p && p.length >= 4 && lower.includes(p.toLowerCase())))
    problems.push('contains_personal');
  return problems;
}

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZRoleAssignmentSummary = z.object({
  id: z.number(),
  role: ZRole,
  unitId: z.number(),
  unitName: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
});

/** `GET /api/me`: who is logged in, their roles and what they may do somewhere. */
export const ZMe = z.object({
  person: z.object({
    id: z.number(),
    name: z.string(),
    employeeNo: z.string(),
    unitId: z.number(),
    unitName: z.string(),
  }),
  account: z.object({
    login: z.string(),
    mustChangePassword: z.boolean(),
    passwordChangedAt: z.string().nullable(),
  }),
  roles: z.array(ZRoleAssignmentSummary),
  /** Permissions held on at least one unit; per-record abilities come with each record. */
  permissions: z.array(ZPermission),
});
export type TMe = z.infer<typeof ZMe>;
