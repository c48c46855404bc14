import { describe, expect, it } from 'vitest';
import { recordLink } from './record-link';

describe('the link to an audited record', () => {
  it('leads to the page of each record type that has one', () => {
    expect(recordLink('person', '12')).toBe('/people/12');
    expect(recordLink('hotline_item', '601')).toBe('/hotline/items/601');
    expect(recordLink('innovation_project', '7')).toBe('/innovation/projects/7');
    expect(recordLink('innovation_cycle', '3')).toBe('/innovation/cycles/3/settings');
    expect(recordLink('org_unit', '5')).toBe('/org-units?unit=5');
    expect(recordLink('role_assignment', '9', { personId: 44 })).toBe('/people/44');
  });

  it('gives none without an id, for a masked or odd id, or for records without a page', () => {
    expect(recordLink('person', null)).toBeNull();
    expect(recordLink('person', '../admin')).toBeNull();
    expect(recordLink('role_assignment', '9', null)).toBeNull();
    expect(recordLink('assessment_result', '3')).toBeNull();
    expect(recordLink('settings', 'hotline')).toBeNull();
  });
});
