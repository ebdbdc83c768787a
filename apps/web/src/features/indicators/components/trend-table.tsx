import type { IndicatorValuePoint } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/scroll-region';
import type { ValueFormat } from '../utils/format-value';
import { ProgressBar } from './progress-bar';

/** The trend chart's table: every period with its value (or "missing"), its target and the progress. */
export function TrendTable({
  points,
  format,
  formatPeriod,
  caption,
}: {
  points: readonly IndicatorValuePoint[];
  format: ValueFormat;
  formatPeriod: (period: string) => string;
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={caption}>
      <table className="table trend-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.table.period')}</th>
            <th scope="col" className="num">
              {t('indicators.table.value')}
            </th>
            <th scope="col" className="num">
              {t('indicators.table.target')}
            </th>
            <th scope="col">{t('indicators.table.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period} data-period={p.period}>
              <th scope="row">{formatPeriod(p.period)}</th>
              <td className="num">{format.value(p.value)}</td>
              <td className="num">{p.target === null ? '—' : format.value(p.target)}</td>
              <td>
                <ProgressBar progress={p.progress} format={format} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
