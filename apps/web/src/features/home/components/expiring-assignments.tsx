import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollRegion } from '../../../components/scroll-region';
import { useFormatters } from '../../../lib/i18n/format';
import type { MunicipalityHomeDto } from '../api/types';
import { saveTableCsv } from '../utils/csv';
import { HomeSection } from './home-section';

type Expiring = MunicipalityHomeDto['expiringAssignments'];

/** The territory's building assignments ending within `months` months, and the overdue ones (overdue first), with a CSV of the table. */
export function ExpiringAssignments({ expiring }: { expiring: Expiring }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const caption = t('home.territory.expiring.caption', { count: expiring.months });
  const header = [
    t('home.territory.expiring.building'),
    t('home.municipalityName'),
    t('home.territory.expiring.organization'),
    t('home.territory.expiring.instrument'),
    t('home.territory.expiring.endDate'),
    t('home.territory.expiring.when'),
  ];
  const when = (daysLeft: number) =>
    daysLeft < 0
      ? t('home.territory.expiring.overdueBy', { count: -daysLeft, formatted: format.integer(-daysLeft) })
      : t('home.territory.expiring.endsIn', { count: daysLeft, formatted: format.integer(daysLeft) });
  return (
    <HomeSection
      tone={expiring.total > 0 ? 'attention' : 'plain'}
      title={t('home.territory.expiring.title', { count: expiring.months })}
      count={format.integer(expiring.total)}
      countLabel={t('home.territory.expiring.countLabel', {
        count: expiring.total,
        formatted: format.integer(expiring.total),
        months: expiring.months,
      })}
    >
      {expiring.total === 0 ? (
        <p className="muted">{t('home.territory.expiring.none', { count: expiring.months })}</p>
      ) : (
        <>
          {expiring.overdue > 0 ? (
            <p>{t('home.territory.expiring.overdue', { count: expiring.overdue, formatted: format.integer(expiring.overdue) })}</p>
          ) : null}
          <ScrollRegion label={caption}>
            <table className="table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {expiring.items.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      <Link to={`/immobili/${b.id}`}>{b.name}</Link>
                    </th>
                    <td>{b.municipality.name}</td>
                    <td>{b.assignment.organization.name}</td>
                    <td>{t(`vocab.assignmentInstrument.${b.assignment.instrument}`)}</td>
                    <td>{format.date(b.assignment.endDate)}</td>
                    <td className={b.overdue ? 'home-overdue' : undefined}>{when(b.daysLeft)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      <div className="export home-export">
        <Link to="/immobili/scadenze">{t('home.territory.expiring.open')}</Link>
        {expiring.total > 0 ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() =>
              saveTableCsv(
                `${t('home.territory.expiring.file')}.csv`,
                [...header, t('home.territory.expiring.daysLeft')],
                expiring.items.map((b) => [
                  b.name,
                  b.municipality.name,
                  b.assignment.organization.name,
                  t(`vocab.assignmentInstrument.${b.assignment.instrument}`),
                  b.assignment.endDate,
                  when(b.daysLeft),
                  b.daysLeft,
                ]),
              )
            }
          >
            {t('home.territory.tableCsv')}
          </button>
        ) : null}
      </div>
    </HomeSection>
  );
}
