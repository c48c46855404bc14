/**
 * Where the page of an audited record is, when it has one the reader may open: a person, an
 * account (its person's page), a unit, a hotline item, an innovation project or cycle. The page
 * itself still decides whether the reader may see it.
 */
export function recordLink(
  recordType: string,
  recordId: string | null,
  details?: Record<string, unknown> | null,
): string | null {
  if (!recordId || !/^\d+$/.test(recordId)) return null;
  switch (recordType) {
    case 'person':
      return `/people/${recordId}`;
    case 'org_unit':
      return `/org-units?unit=${recordId}`;
    case 'hotline_item':
      return `/hotline/items/${recordId}`;
    case 'innovation_project':
      return `/innovation/projects/${recordId}`;
    case 'innovation_cycle':
      return `/innovation/cycles/${recordId}/settings`;
    case 'role_assignment': {
      const personId = details?.personId;
      return typeof personId === 'number' ? `/people/${personId}` : null;
    }
    default:
      return null;
  }
}
