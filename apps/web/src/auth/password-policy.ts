import { PASSWORD_MIN_LENGTH, passwordProblems } from '@lifeline/shared';
import type { TFunction } from 'i18next';
import { ApiError, detailProblems } from '../api/api-error';
import { errorMessage } from '../i18n/error-message';

/** One line of the password rules shown beside the form, ticked off as the user types. */
export type PolicyCheck = { key: 'length' | 'classes' | 'personal'; ok: boolean; text: string };

/** The shared policy (the server applies the same function) as a checklist. */
export function policyChecks(t: TFunction, password: string, personal: string[]): PolicyCheck[] {
  const problems = passwordProblems(password, personal);
  const text = (key: PolicyCheck['key']) => t(`auth:password.policy.${key}`, { min: PASSWORD_MIN_LENGTH });
  return [
    {
      key: 'length',
      ok: !problems.includes('too_short') && !problems.includes('too_long'),
      text: text('length'),
    },
    { key: 'classes', ok: !problems.includes('too_simple'), text: text('classes') },
    { key: 'personal', ok: !problems.includes('contains_personal'), text: text('personal') },
  ];
}

/** The text of a password problem code; an unknown code from a newer server shows as is. */
export function problemText(t: TFunction, problem: string): string {
  return t(`auth:password.problems.${problem}`, { min: PASSWORD_MIN_LENGTH, defaultValue: problem });
}

/** What is wrong with a new password, translated; empty when it passes the policy. */
export function newPasswordProblems(t: TFunction, password: string, personal: string[]): string[] {
  return passwordProblems(password, personal).map((p) => problemText(t, p));
}

/**
 * The messages of a failed change: "wrong current password" (the server answers 400
 * `validation_failed` naming `details.field: 'currentPassword'`; the session survives), the
 * policy problems it found, or the error itself (a 401 means the session is gone).
 */
export function changePasswordErrors(t: TFunction, error: unknown): string[] {
  const field =
    error instanceof ApiError ? (error.details as { field?: unknown } | undefined)?.field : undefined;
  if (error instanceof ApiError && error.code === 'validation_failed' && field === 'currentPassword') {
    return [t('auth:password.wrongCurrent')];
  }
  const problems = detailProblems(error);
  if (problems.length > 0) return problems.map((p) => problemText(t, p));
  return [errorMessage(t, error)];
}
