import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import { useFormatters } from '../../../lib/i18n/format';

/** A two-column table of a home: a label per row and its number of activities. */
export function CountsTable({
  caption,
  rows,
  header,
}: {
  caption: string;
  header: string;
  rows: { key: string; label: string; n: number }[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ScrollRegion label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="num">
              {t('home.activities')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{format.integer(r.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
