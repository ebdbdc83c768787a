import { HOME_DEFAULT_STALE_DAYS } from '@trama/contracts';

/** The choices of "not visited / not active for N days" offered on the homes. */
export const STALE_DAYS_CHOICES = [7, 14, 30, 60, 90] as const;

/** The `giorni` URL parameter, or the default when it is missing or not one of the choices. */
export function staleDaysFrom(params: URLSearchParams): number {
  const n = Number(params.get('giorni'));
  return (STALE_DAYS_CHOICES as readonly number[]).includes(n) ? n : HOME_DEFAULT_STALE_DAYS;
}
