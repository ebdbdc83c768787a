import { REFERENCE_KINDS } from '@trama/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/i18n/format';
import { useOfflineReference, useReferenceStatus, useReferenceSync } from '../../lib/offline/reference';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 ore fa", "ieri", in the user's language; null under a minute ("adesso"). */
export function relativeAge(at: string, now: number, locale: string): string | null {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const elapsed = now - new Date(at).getTime();
  for (const [unit, ms] of UNITS) if (Math.abs(elapsed) >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  return null;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Field mode's status for an innovator (docs/field-mode.md): keeps the reference data fresh in the
 * background and says how old the device's copy is ("dati aggiornati 3 ore fa"), with what it holds.
 */
export default function FieldStatus({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { locale, integer } = useFormatters();
  useReferenceSync(userId);
  const status = useReferenceStatus();
  const municipalities = useOfflineReference('municipalities');
  const online = useOnline();
  const now = useNow(60_000);
  const syncedAt = status.data?.syncedAt ?? null;

  return (
    <section className="field-status" aria-label={t('fieldMode.status.label')} data-online={online}>
      <p className="field-status__line">
        {online ? null : <strong className="field-status__offline">{t('fieldMode.status.offline')} </strong>}
        <span data-testid="reference-age">
          {syncedAt
            ? t('fieldMode.status.age', { age: relativeAge(syncedAt, now, locale) ?? t('fieldMode.status.justNow') })
            : t('fieldMode.status.never')}
        </span>
      </p>
      {syncedAt && status.data ? (
        <details className="field-status__details">
          <summary>{t('fieldMode.status.details')}</summary>
          <ul>
            {REFERENCE_KINDS.map((kind) => (
              <li key={kind}>
                {t(`fieldMode.kinds.${kind}`, { count: status.data.counts[kind], formatted: integer(status.data.counts[kind]) })}
              </li>
            ))}
          </ul>
          {municipalities.data && municipalities.data.length > 0 ? (
            <p>
              {t('fieldMode.status.municipalities', {
                names: municipalities.data
                  .map((m) => m.name)
                  .sort((a, b) => a.localeCompare(b, locale))
                  .join(', '),
              })}
            </p>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}
