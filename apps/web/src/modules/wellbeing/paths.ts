/**
 * Paths the public self-check links to, kept apart from the pages that use them so that a page
 * can link to another without loading its code.
 */

/** Where the public self-check lives (its list of scales). */
export const SELF_CHECK_PATH = '/m/self-check';

/** Where an employee logs in from the public self-check, to come back to the module. */
export const MEMBER_LOGIN = `/m/login?next=${encodeURIComponent('/m/wellbeing')}`;
