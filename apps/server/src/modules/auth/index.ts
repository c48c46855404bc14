/**
 * Identity's front door: logging in, sessions and the access hook, accounts and their management,
 * and whether a person has an account (for the roster's lists).
 */
export { hasAccountSql } from './account-exists.js';
export { accountRoutes } from './accounts.routes.js';
export { installAccessControl, resolveSession } from './auth.hooks.js';
export { authRoutes } from './auth.routes.js';
