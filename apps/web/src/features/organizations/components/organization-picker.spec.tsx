import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OrganizationPage } from '../api/types';
import { useState } from 'react';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { OrganizationPicker, type PickedOrganization } from './organization-picker';

function organization(id: string, name: string): OrganizationPage['items'][number] {
  return {
    id,
    name,
    kind: 'aps',
    taxCode: null,
    municipality: { istatCode: '072029', name: 'Molfetta' },
    active: true,
    clientId: id,
    socialArea: null,
    description: null,
    address: null,
    location: null,
    themes: [],
    targetGroups: [],
    offers: [],
    needs: [],
    size: null,
    website: null,
    contactConsent: false,
    contactConsentAt: null,
    notes: null,
    lastVerifiedAt: null,
    lastVerifiedBy: null,
    completeness: 0,
    mergedInto: null,
    version: 1,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
  };
}

const municipalities = [
  { istatCode: '072006', name: 'Bari' },
  { istatCode: '072029', name: 'Molfetta' },
];

function Harness({ onChange }: { onChange: (value: PickedOrganization[]) => void }) {
  const [value, setValue] = useState<PickedOrganization[]>([]);
  return (
    <form onSubmit={() => onChange([{ id: 'submitted', name: 'the outer form was submitted' }])}>
      <OrganizationPicker
        legend="Organizzazioni coinvolte"
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
        municipality="072029"
        municipalities={municipalities}
      />
    </form>
  );
}

describe('OrganizationPicker', () => {
  it('finds organizations as the user types and picks one with the keyboard, without submitting the form', async () => {
    const page: OrganizationPage = {
      items: [organization('o1', 'APS Orti Urbani'), organization('o2', 'APS Ortica')],
      total: 2,
      page: 1,
      pageSize: 8,
    };
    const fetchMock = mockFetch({ 'GET /api/organizations': () => jsonResponse(200, page) });
    const onChange = jest.fn<(value: PickedOrganization[]) => void>();
    renderWithApp(<Harness onChange={onChange} />, { user: coordinator });

    const box = screen.getByRole('combobox', { name: 'Cerca nel registro delle organizzazioni' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'orti' } });
    const list = await screen.findByRole('listbox');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    expect(new URL(String(fetchMock.mock.calls[0][0]), 'http://localhost').searchParams.get('q')).toBe('orti');
    // one request after the pause, not one per key
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box).toHaveAttribute('aria-activedescendant', within(list).getAllByRole('option')[1].id);
    // Enter picks; its default action (submitting the form around) is prevented.
    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(false);

    expect(onChange).toHaveBeenLastCalledWith([{ id: 'o2', name: 'APS Ortica' }]);
    expect(screen.getByRole('button', { name: 'Togli APS Ortica' })).toBeInTheDocument();
    expect(box).toHaveValue('');
  });

  it('registers a missing organization inline and adds it', async () => {
    const fetchMock = mockFetch({
      'GET /api/organizations': () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 8 }),
      'POST /api/organizations': (_url, init) => {
        const body = JSON.parse(String(init.body)) as { name: string };
        return jsonResponse(201, organization('new-1', body.name));
      },
    });
    const onChange = jest.fn<(value: PickedOrganization[]) => void>();
    renderWithApp(<Harness onChange={onChange} />, { user: coordinator });

    const box = screen.getByRole('combobox', { name: 'Cerca nel registro delle organizzazioni' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'Pro Loco Molfetta' } });
    fireEvent.click(await screen.findByRole('option', { name: /Registra «Pro Loco Molfetta» come nuova organizzazione/ }));

    const create = screen.getByRole('group', { name: 'Nuova organizzazione' });
    expect(within(create).getByRole('textbox', { name: 'Nome' })).toHaveValue('Pro Loco Molfetta');
    expect(within(create).getByRole('combobox', { name: 'Comune della sede' })).toHaveValue('072029');
    fireEvent.change(within(create).getByRole('combobox', { name: 'Tipo di organizzazione' }), { target: { value: 'aps' } });
    fireEvent.change(within(create).getByRole('textbox', { name: /Codice fiscale/ }), { target: { value: ' it 12345678901 ' } });
    // Enter in a field saves the organization, never the outer form.
    expect(fireEvent.keyDown(within(create).getByRole('textbox', { name: 'Nome' }), { key: 'Enter' })).toBe(false);

    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith([{ id: 'new-1', name: 'Pro Loco Molfetta' }]));
    const post = fetchMock.mock.calls.find((call) => call[1]?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      name: 'Pro Loco Molfetta',
      kind: 'aps',
      municipality: '072029',
      taxCode: '12345678901',
    });
    expect(screen.queryByRole('group', { name: 'Nuova organizzazione' })).not.toBeInTheDocument();
    expect(screen.getByText('Registrata e aggiunta: Pro Loco Molfetta.')).toBeInTheDocument();
  });

  it('shows a taken tax code beside the field', async () => {
    mockFetch({
      'GET /api/organizations': () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 8 }),
      'POST /api/organizations': () =>
        jsonResponse(409, { statusCode: 409, error: 'Conflict', code: 'ORGANIZATION_TAX_CODE_TAKEN', message: 'taken' }),
    });
    renderWithApp(<Harness onChange={jest.fn()} />, { user: coordinator });
    fireEvent.click(screen.getByRole('button', { name: 'Registra una nuova organizzazione' }));
    const create = screen.getByRole('group', { name: 'Nuova organizzazione' });
    fireEvent.change(within(create).getByRole('textbox', { name: 'Nome' }), { target: { value: 'Cooperativa Il Faro' } });
    fireEvent.change(within(create).getByRole('combobox', { name: 'Tipo di organizzazione' }), { target: { value: 'social_enterprise' } });
    fireEvent.change(within(create).getByRole('textbox', { name: /Codice fiscale/ }), { target: { value: '12345678901' } });
    fireEvent.click(within(create).getByRole('button', { name: 'Registra e aggiungi' }));
    await waitFor(() =>
      expect(within(create).getByRole('textbox', { name: /Codice fiscale/ })).toHaveAccessibleDescription(
        expect.stringContaining("Un'organizzazione con questo codice fiscale è già registrata"),
      ),
    );
  });
});
