import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { type Actor, authorize, can, canOn, scopePaths } from './actor.js';

const actor = (grants: Actor['grants']): Actor => ({
  accountId: 1,
  sessionId: 's',
  personId: 1,
  name: 'x',
  employeeNo: 'E1',
  unitId: 1,
  unitPath: '/1/',
  mustChangePassword: false,
  grants,
  ip: null,
  requestId: null,
});

describe('authorization on the org tree', () => {
  const a = actor([
    { assignmentId: 1, role: 'unit_admin', unitId: 5, unitName: 'A', unitPath: '/1/5/' },
    { assignmentId: 2, role: 'unit_admin', unitId: 9, unitName: 'B', unitPath: '/1/5/9/' },
    { assignmentId: 3, role: 'branch_secretary', unitId: 7, unitName: 'C', unitPath: '/1/7/' },
  ]);

  it('grants a role’s permissions on the whole subtree of its unit only', () => {
    expect(canOn(a, 'person.manage', '/1/5/')).toBe(true);
    expect(canOn(a, 'person.manage', '/1/5/9/12/')).toBe(true);
    expect(canOn(a, 'person.manage', '/1/7/')).toBe(false);
    expect(canOn(a, 'person.read', '/1/7/3/')).toBe(true);
    expect(canOn(a, 'person.manage', '/1/')).toBe(false);
    // '/1/5/' must not match a sibling whose id merely starts with 5.
    expect(canOn(a, 'person.manage', '/1/55/')).toBe(false);
  });

  it('reduces nested scopes to their top units', () => {
    expect(scopePaths(a, 'person.manage')).toEqual(['/1/5/']);
    expect(scopePaths(a, 'person.read')).toEqual(['/1/5/', '/1/7/']);
    expect(scopePaths(a, 'calendar.manage')).toEqual([]);
  });

  it('answers 403 without the permission anywhere and 404 outside the scope', () => {
    expect(can(a, 'calendar.manage')).toBe(false);
    expect(() => authorize(a, 'calendar.manage', '/1/5/')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => authorize(a, 'person.manage', '/1/7/')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => authorize(a, 'person.manage', '/1/7/')).toThrow(AppError);
  });

  it('acts with the most specific grant', () => {
    expect(authorize(a, 'person.manage', '/1/5/9/44/').assignmentId).toBe(2);
    expect(authorize(a, 'person.manage', '/1/5/6/').assignmentId).toBe(1);
  });
});
