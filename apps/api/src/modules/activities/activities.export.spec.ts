import { activitiesExport } from './activities.export';

describe('activities export', () => {
  it('drops internal notes and the review for municipality users', () => {
    const staff = activitiesExport({ internalNotes: true, review: true }).columns.map((c) => c.key);
    const municipality = activitiesExport({ internalNotes: false, review: false }).columns.map((c) => c.key);
    expect(staff).toEqual(
      expect.arrayContaining(['internal_notes', 'review_comment', 'reviewer', 'municipality_istat', 'social_area_code']),
    );
    expect(municipality).not.toContain('internal_notes');
    expect(municipality).not.toContain('review_comment');
    expect(municipality).not.toContain('reviewer');
  });

  it('writes coded values as labels and the ISTAT code as text', () => {
    const kinds = Object.fromEntries(activitiesExport({ internalNotes: true, review: true }).columns.map((c) => [c.key, c.kind]));
    expect(kinds).toMatchObject({ status: 'label', type: 'label', themes: 'label', municipality_istat: 'istat' });
  });
});
