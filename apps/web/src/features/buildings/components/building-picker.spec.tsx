import { describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { BuildingDto } from '../api/types';
import { BuildingPicker, type PickedBuilding } from './building-picker';

function building(id: string, name: string, address: string | null = null): BuildingDto {
  return {
    id,
    clientId: id,
    version: 1,
    municipality: { istatCode: '072029', name: 'Molfetta' },
    socialArea: null,
    name,
    address,
    location: null,
    ownership: 'municipal',
    owner: null,
    cadastralReference: null,
    indoorAreaM2: null,
    outdoorAreaM2: null,
    condition: 'fair',
    currentUse: 'unused',
    accessibility: 'unknown',
    constraints: [],
    suitableUses: [],
    stage: 'mapped',
    openingDate: null,
    assignment: null,
    notes: null,
    anbscCode: null,
    confiscationDecreeDate: null,
    lastVerifiedAt: null,
    lastVerifiedBy: null,
    completeness: 0,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
  };
}

const B1 = '10000000-0000-4000-8000-000000000001';
const B2 = '10000000-0000-4000-8000-000000000002';

function Harness({ initial = null, onChange }: { initial?: PickedBuilding | null; onChange: (value: PickedBuilding | null) => void }) {
  const [value, setValue] = useState<PickedBuilding | null>(initial);
  return (
    <form onSubmit={() => onChange({ id: 'submitted', name: 'the outer form was submitted' })}>
      <BuildingPicker
        label="Immobile in cui si è svolta (facoltativo)"
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
    </form>
  );
}

describe('BuildingPicker', () => {
  it('searches GET /api/buildings?q= after two letters, once per pause, and picks a building', async () => {
    const fetchMock = mockFetch({
      'GET /api/buildings': () =>
        jsonResponse(200, {
          items: [building(B1, 'Ex Macello comunale', 'Via del Macello 2'), building(B2, 'Ex mercato coperto')],
          total: 2,
          page: 1,
          pageSize: 8,
        }),
    });
    const onChange = jest.fn<(value: PickedBuilding | null) => void>();
    renderWithApp(<Harness onChange={onChange} />, { user: coordinator });

    expect(screen.getByRole('group', { name: 'Immobile in cui si è svolta (facoltativo)' })).toBeInTheDocument();
    expect(screen.getByText('Nessun immobile collegato.')).toBeInTheDocument();
    const box = screen.getByRole('searchbox', { name: 'Cerca un immobile (denominazione o indirizzo)' });
    fireEvent.change(box, { target: { value: 'e' } });
    // one letter: no request
    await act(() => new Promise((resolve) => setTimeout(resolve, 350)));
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(box, { target: { value: 'ex m' } });
    const results = await screen.findByRole('list', { name: 'Immobili trovati' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const url = new URL(String(fetchMock.mock.calls[0][0]), 'http://localhost');
    expect(url.pathname).toBe('/api/buildings');
    expect(url.searchParams.get('q')).toBe('ex m');
    expect(url.searchParams.get('pageSize')).toBe('8');
    // Enter in the search never submits the form around it
    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(false);
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.click(within(results).getByRole('button', { name: 'Ex Macello comunale · Molfetta · Via del Macello 2' }));
    expect(onChange).toHaveBeenLastCalledWith({ id: B1, name: 'Ex Macello comunale' });
    // the choice links to the building; the search is emptied
    expect(screen.getByRole('link', { name: 'Ex Macello comunale' })).toHaveAttribute('href', `/immobili/${B1}`);
    expect(box).toHaveValue('');
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Immobili trovati' })).not.toBeInTheDocument());
  });

  it('says when nothing matches, and removes a linked building', async () => {
    mockFetch({ 'GET /api/buildings': () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 8 }) });
    const onChange = jest.fn<(value: PickedBuilding | null) => void>();
    renderWithApp(<Harness initial={{ id: B2, name: 'Ex mercato coperto' }} onChange={onChange} />, { user: coordinator });

    fireEvent.change(screen.getByRole('searchbox', { name: 'Cerca un immobile (denominazione o indirizzo)' }), {
      target: { value: 'torre' },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Nessun immobile trovato.');

    fireEvent.click(screen.getByRole('button', { name: "Togli l'immobile Ex mercato coperto" }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(screen.getByText('Nessun immobile collegato.')).toBeInTheDocument();
  });

  it('shows the server problem beside the field', () => {
    renderWithApp(<BuildingPicker label="Immobile che la ospita" value={null} onChange={jest.fn()} error="Immobile sconosciuto" />, {
      user: coordinator,
    });
    const search = screen.getByRole('searchbox', { name: 'Cerca un immobile (denominazione o indirizzo)' });
    expect(search).toHaveAttribute('aria-invalid', 'true');
    expect(search).toHaveAccessibleDescription('Immobile sconosciuto');
  });
});
