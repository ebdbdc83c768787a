import { describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import { i18n } from '../../../lib/i18n/i18n';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { AccessibilityStatement } from '../api/types';
import { AccessibilityStatementForm } from './accessibility-statement-form';
import { AccessibilityStatementView } from './accessibility-statement-view';

const statement: AccessibilityStatement = {
  entityName: { it: 'Città Metropolitana di Bari', en: '' },
  siteName: { it: 'Trama – innovatori metropolitani', en: 'Trama – metropolitan innovators' },
  siteUrl: 'https://trama.example.it',
  conformity: 'partially_compliant',
  nonAccessibleContent: [{ reason: 'out_of_scope', description: { it: 'Documenti di terzi.', en: '' } }],
  preparedOn: '2026-12-01',
  method: 'self_assessment',
  lastReviewedOn: '2026-12-02',
  feedbackEmail: null,
  enforcementUrl: 'https://form.agid.gov.it/',
  siteInfo: { it: 'Informazioni.', en: 'Information.' },
  meta: {
    tenant: { istatCode: '272', name: 'Città Metropolitana di Bari' },
    version: 3,
    isDefault: false,
    updatedAt: '2026-12-02T10:00:00.000Z',
  },
};

describe('accessibility statement', () => {
  it('shows English where given and the Italian, marked lang="it", where not', async () => {
    renderWithApp(<AccessibilityStatementView statement={statement} />);
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('heading', { name: 'Content outside the scope of the applicable legislation' })).toBeTruthy();
    expect(screen.getByText('Documenti di terzi.').getAttribute('lang')).toBe('it');
    expect(screen.getByText('Information.').getAttribute('lang')).toBeNull();
    // no contact configured: said so, no mailto link
    expect(screen.getByText('The entity has not given the contact for reports yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Report an accessibility problem' })).toBeNull();
    await act(() => i18n.changeLanguage('it'));
  });

  it('sends every field with the loaded version (an empty e-mail as null) and reports a conflict', async () => {
    const fetchMock = mockFetch({
      'PUT /api/tenants/272/accessibility-statement': () =>
        jsonResponse(409, { statusCode: 409, error: 'Conflict', code: 'STALE_VERSION', message: 'stale' }),
      'GET /api/public/tenants/272/accessibility-statement': () => jsonResponse(200, statement),
    });
    const onSaved = jest.fn();
    renderWithApp(<AccessibilityStatementForm statement={statement} onSaved={onSaved} />, { user: coordinator });
    fireEvent.change(screen.getByLabelText(/^Stato di conformità/), { target: { value: 'compliant' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    expect(await screen.findByText('Modificato da qualcun altro')).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([url]) => String(url).includes('/api/tenants/272/')) ?? [];
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    expect(body).toMatchObject({ version: 3, conformity: 'compliant', feedbackEmail: null, siteUrl: 'https://trama.example.it' });
    expect(body).not.toHaveProperty('meta');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
