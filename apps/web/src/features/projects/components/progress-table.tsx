import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { useFormatters } from '../../../lib/i18n/format';
import type { ProjectProgress } from '../api/types';

export const percent = (share: number | null, locale: string) =>
  share === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
export const money = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(value);

/** The snapshots of a project as a table (the chart's figures), oldest first, with the percentages. */
export function ProgressTable({ progress }: { progress: readonly ProjectProgress[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <ScrollRegion label={t('projects.progress.tableCaption')}>
      <table className="table" data-testid="progress-table">
        <caption className="sr-only">{t('projects.progress.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.fields.progressDate')}</th>
            <th scope="col">{t('projects.fields.programmed')}</th>
            <th scope="col">{t('projects.fields.admitted')}</th>
            <th scope="col">{t('projects.fields.committed')}</th>
            <th scope="col">{t('projects.fields.paid')}</th>
            <th scope="col">{t('projects.shares.committedOfAdmitted')}</th>
            <th scope="col">{t('projects.shares.paidOfAdmitted')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.map((p) => (
            <tr key={p.id}>
              <th scope="row">{f.date(p.date)}</th>
              <td className="num">{money(p.programmed, f.locale)}</td>
              <td className="num">{money(p.admitted, f.locale)}</td>
              <td className="num">{money(p.committed, f.locale)}</td>
              <td className="num">{money(p.paid, f.locale)}</td>
              <td className="num">{percent(p.shares.committedOfAdmitted, f.locale)}</td>
              <td className="num">{percent(p.shares.paidOfAdmitted, f.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
