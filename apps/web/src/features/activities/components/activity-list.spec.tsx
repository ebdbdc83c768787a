import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActivityPage } from '../api/types';
import type { SessionUser } from '../../../lib/api/types';
import { useLocation, useNavigate } from 'react-router';
import { i18n } from '../../../lib/i18n/i18n';
import { activityDto } from '../../../test/activity-fixtures';
import { jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { ActivityList } from './activity-list';

const innovator: SessionUser = {
  id: '00000000-0000-4000-8000-000000000002',
  email: 'innovatore.bari@trama.test',
  fullName: 'Ivan Innovatore',
  role: 'innovator',
  tenant: { id: '00000000-0000-4000-8000-0000000000aa', istatCode: '272', name: 'Città Metropolitana di Bari' },
  assignedMunicipalities: [
    { istatCode: '072006', name: 'Bari' },
    { istatCode: '072029', name: 'Molfetta' },
  ],
  territory: null,
};

const empty: ActivityPage = { items: [], total: 0, page: 1, pageSize: 25, totalCapped: false };

/** Shows the URL's search and offers the browser's Back. */
function UrlProbe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="url">{location.search}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        Back
      </button>
    </>
  );
}

function listQueries(fetchMock: ReturnType<typeof mockFetch>) {
  return fetchMock.mock.calls
    .map((call) => new URL(String(call[0]), 'http://localhost'))
    .filter((url) => url.pathname === '/api/activities')
    .map((url) => Object.fromEntries(url.searchParams));
}

describe('ActivityList filters and the URL', () => {
  it('reads the filters from the URL, writes the applied ones back, and Back restores the previous ones', async () => {
    const fetchMock = mockFetch({ 'GET /api/activities': () => jsonResponse(200, empty) });
    renderWithApp(
      <>
        <ActivityList />
        <UrlProbe />
      </>,
      { user: innovator, path: '/attivita?status=returned&municipality=072029&q=orti&page=2' },
    );

    // URL → form and API
    const filters = screen.getByRole('search', { name: 'Filtra le attività' });
    expect(within(filters).getByRole('combobox', { name: 'Stato' })).toHaveValue('returned');
    expect(within(filters).getByRole('combobox', { name: 'Comune' })).toHaveValue('072029');
    expect(within(filters).getByRole('searchbox')).toHaveValue('orti');
    // an innovator chooses among their own municipalities only
    expect(
      within(within(filters).getByRole('combobox', { name: 'Comune' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Tutti i comuni', 'Bari', 'Molfetta']);
    await waitFor(() => expect(listQueries(fetchMock)).toHaveLength(1));
    expect(listQueries(fetchMock)[0]).toEqual({
      status: 'returned',
      municipality: '072029',
      q: 'orti',
      sort: '-date',
      page: '2',
      pageSize: '25',
    });

    // form → URL (back to page 1) and API
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Tipo' }), { target: { value: 'workshop' } });
    fireEvent.change(within(filters).getByLabelText('Dal'), { target: { value: '2026-09-01' } });
    fireEvent.click(within(filters).getByRole('checkbox', { name: 'Solo le mie attività' }));
    fireEvent.click(within(filters).getByRole('button', { name: 'Filtra' }));
    expect(screen.getByTestId('url')).toHaveTextContent('?q=orti&status=returned&type=workshop&municipality=072029&from=2026-09-01&mine=1');
    await waitFor(() =>
      expect(listQueries(fetchMock).at(-1)).toEqual({
        status: 'returned',
        type: 'workshop',
        municipality: '072029',
        q: 'orti',
        from: '2026-09-01',
        innovator: innovator.id,
        sort: '-date',
        page: '1',
        pageSize: '25',
      }),
    );

    // Back: the URL and the form show the previous filters again
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByTestId('url')).toHaveTextContent('?status=returned&municipality=072029&q=orti&page=2');
    const restored = screen.getByRole('search', { name: 'Filtra le attività' });
    expect(within(restored).getByRole('combobox', { name: 'Tipo' })).toHaveValue('');
    expect(within(restored).getByRole('checkbox', { name: 'Solo le mie attività' })).not.toBeChecked();

    // Clearing empties the URL
    fireEvent.click(within(restored).getByRole('button', { name: 'Azzera i filtri' }));
    expect(screen.getByTestId('url')).toBeEmptyDOMElement();
  });

  it('carries the filters in force to the export, not the ones typed but not applied', async () => {
    const fetchMock = mockFetch({
      'GET /api/activities': () => jsonResponse(200, empty),
      'GET /api/activities/export': () =>
        new Response('a;b\n', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="attivita.csv"' } }),
    });
    URL.createObjectURL = () => 'blob:test';
    URL.revokeObjectURL = () => undefined;
    renderWithApp(<ActivityList />, { user: innovator, path: '/attivita?theme=youth&sort=date' });
    const filters = screen.getByRole('search', { name: 'Filtra le attività' });
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Stato' }), { target: { value: 'draft' } });

    fireEvent.click(screen.getByRole('button', { name: 'CSV per Excel italiano' }));
    await waitFor(() => expect(screen.getByText('File scaricato.')).toBeInTheDocument());
    const exportCall = fetchMock.mock.calls
      .map((call) => new URL(String(call[0]), 'http://localhost'))
      .find((url) => url.pathname === '/api/activities/export')!;
    expect(Object.fromEntries(exportCall.searchParams)).toEqual({ theme: 'youth', sort: 'date', format: 'csv-it', lang: 'it' });
  });
});

describe('ActivityList beyond the count cap', () => {
  /** A page of a list whose count stopped at the cap (10,000): full unless `count` says otherwise. */
  function cappedPage(page: number, count = 25): ActivityPage {
    const items = Array.from({ length: count }, (_, i) =>
      activityDto(i + 1, {
        id: `40000000-0000-4000-8000-${String(page * 100 + i).padStart(12, '0')}`,
        status: 'approved',
        title: `Incontro ${page}.${i + 1}`,
      }),
    );
    return { items, total: 10_000, page, pageSize: 25, totalCapped: true };
  }

  it('says "more than 10.000" in the interface language, and pages on past the counted pages until a page is not full', async () => {
    const fetchMock = mockFetch({
      'GET /api/activities': (url) => {
        const page = Number(url.searchParams.get('page'));
        return jsonResponse(200, cappedPage(page, page === 402 ? 7 : 25));
      },
    });
    window.scrollTo = (() => undefined) as typeof window.scrollTo; // each page change scrolls to the top: not in jsdom
    renderWithApp(
      <>
        <ActivityList />
        <UrlProbe />
      </>,
      { user: innovator, path: '/attivita?page=400' },
    );

    expect(await screen.findByText('Più di 10.000 attività: restringi i filtri.')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Pagine' });
    // 10,000 at 25 a page: more than 400 pages, and page 400 is not the last
    expect(within(pages).getByText('Pagina 400 di oltre 400')).toBeInTheDocument();
    const next = () => within(pages).getByRole('button', { name: 'Successiva' });
    expect(next()).toBeEnabled();

    fireEvent.click(next());
    expect(await within(pages).findByText('Pagina 401')).toBeInTheDocument();
    expect(screen.getByTestId('url')).toHaveTextContent('?page=401');
    expect(listQueries(fetchMock).at(-1)).toMatchObject({ page: '401', pageSize: '25' });
    await screen.findByRole('link', { name: 'Incontro 401.1' });
    // a full page: there may be more
    expect(next()).toBeEnabled();

    fireEvent.click(next());
    expect(await within(pages).findByText('Pagina 402')).toBeInTheDocument();
    await screen.findByRole('link', { name: 'Incontro 402.7' });
    // 7 of 25: the end of the list
    expect(next()).toBeDisabled();
    expect(within(pages).getByRole('button', { name: 'Precedente' })).toBeEnabled();

    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect(screen.getByText('More than 10,000 activities: narrow the filters.')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Pages' })).getByText('Page 402')).toBeInTheDocument();
    await act(async () => {
      await i18n.changeLanguage('it');
    });
  });
});
