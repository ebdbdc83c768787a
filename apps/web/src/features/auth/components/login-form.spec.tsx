import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { getAccessToken, setAccessToken } from '../../../lib/api/api-client';
import { sessionKey } from '../../../lib/auth/session';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { LoginForm } from './login-form';

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Accedi' }));
}

describe('LoginForm', () => {
  beforeEach(() => setAccessToken(null));

  it("shows the server's wrong-credentials error and keeps the user signed out", async () => {
    const fetchMock = mockFetch({
      'POST /api/auth/login': () =>
        jsonResponse(401, { statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' }),
    });
    const onSuccess = jest.fn();
    const { client } = renderWithApp(<LoginForm onSuccess={onSuccess} />);

    fillAndSubmit('coordinatore.bari@trama.test', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Accesso non riuscito');
    expect(alert).toHaveTextContent('Email o password non corretti.');
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      email: 'coordinatore.bari@trama.test',
      password: 'wrong-password',
    });
    // a wrong password is not an expired session: no refresh attempt
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(onSuccess).not.toHaveBeenCalled();
    expect(client.getQueryData(sessionKey)).toBeNull();
  });

  it('tells a locked-out user that the account is locked', async () => {
    mockFetch({
      'POST /api/auth/login': () =>
        jsonResponse(423, { statusCode: 423, error: 'Locked', code: 'ACCOUNT_LOCKED', message: 'Account locked' }),
    });
    renderWithApp(<LoginForm onSuccess={jest.fn()} />);
    fillAndSubmit('coordinatore.bari@trama.test', 'whatever-123');
    expect(await screen.findByRole('alert')).toHaveTextContent(/temporaneamente bloccato/);
  });

  it('tells a rate-limited user to wait', async () => {
    mockFetch({
      'POST /api/auth/login': () =>
        jsonResponse(429, { statusCode: 429, error: 'Too Many Requests', code: 'RATE_LIMITED', message: 'Slow down' }),
    });
    renderWithApp(<LoginForm onSuccess={jest.fn()} />);
    fillAndSubmit('coordinatore.bari@trama.test', 'whatever-123');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Attendi un minuto/);
  });

  it('says the service is temporarily unavailable on a 503 and keeps what the user typed', async () => {
    mockFetch({
      'POST /api/auth/login': () =>
        jsonResponse(503, { statusCode: 503, error: 'Service Unavailable', code: 'SERVICE_UNAVAILABLE', message: 'try again' }),
    });
    renderWithApp(<LoginForm onSuccess={jest.fn()} />);
    fillAndSubmit('coordinatore.bari@trama.test', 'Trama-demo-2026');
    expect(await screen.findByRole('alert')).toHaveTextContent('Servizio momentaneamente non disponibile, riprova tra qualche secondo.');
    expect(screen.getByLabelText(/^Email/)).toHaveValue('coordinatore.bari@trama.test');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('Trama-demo-2026');
  });

  it('checks the fields before calling the server', async () => {
    const fetchMock = mockFetch({});
    renderWithApp(<LoginForm onSuccess={jest.fn()} />);
    fillAndSubmit('not-an-email', '');
    expect(await screen.findByText(/Inserisci un indirizzo email valido/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Email/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription(/Campo obbligatorio/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('starts the session on success: token in memory, user in the cache', async () => {
    mockFetch({
      'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'token-1', expiresIn: 900, user: coordinator }),
    });
    const onSuccess = jest.fn();
    const { client } = renderWithApp(<LoginForm onSuccess={onSuccess} />);
    fillAndSubmit('coordinatore.bari@trama.test', 'Trama-demo-2026');
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(coordinator));
    expect(getAccessToken()).toBe('token-1');
    expect(client.getQueryData(sessionKey)).toEqual(coordinator);
    expect(window.localStorage.getItem('token')).toBeNull();
  });
});
