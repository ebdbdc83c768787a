import type { IndicatorDirection, IndicatorValuePoint } from '@trama/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollRegion } from '../../../components/scroll-region';
import { useFormatters } from '../../../lib/i18n/format';
import type { Classification } from '../utils/class-breaks';
import type { ValueFormat } from '../utils/format-value';
import { rankPoints } from '../utils/ranking';
import { ProgressBar } from './progress-bar';

export interface RankingTableProps {
  items: readonly IndicatorValuePoint[];
  direction: IndicatorDirection;
  classification: Classification;
  format: ValueFormat;
  perCapita: boolean;
  caption: string;
}

/**
 * The map's table: every territory of the map with its rank, value, target, progress and class
 * (the class number and range the map colours it by), best first; missing values last, as missing.
 */
export function RankingTable({ items, direction, classification, format, perCapita, caption }: RankingTableProps) {
  const { t } = useTranslation();
  const formatters = useFormatters();
  const ranked = useMemo(() => rankPoints(items, direction, formatters.compare), [items, direction, formatters]);
  return (
    <ScrollRegion label={caption}>
      <table className="table ranking-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.table.rank')}</th>
            <th scope="col">{t('indicators.table.territory')}</th>
            <th scope="col" className="num">
              {t('indicators.table.value')}
            </th>
            {perCapita ? (
              <th scope="col" className="num">
                {t('indicators.table.population')}
              </th>
            ) : null}
            <th scope="col" className="num">
              {t('indicators.table.target')}
            </th>
            <th scope="col">{t('indicators.table.progress')}</th>
            <th scope="col">{t('indicators.table.class')}</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map(({ point, rank }) => {
            const valueClass = classification.classOf(point.value);
            return (
              <tr key={point.territory} data-territory={point.territory} data-class={valueClass ? valueClass.index : 'missing'}>
                <td>{rank ?? '—'}</td>
                <th scope="row">
                  <Link to={`/indicatori/territorio/${encodeURIComponent(point.territory)}`}>{point.territoryName}</Link>
                </th>
                <td className="num">{format.value(point.value)}</td>
                {perCapita ? (
                  <td className="num">{typeof point.population === 'number' ? formatters.integer(point.population) : '—'}</td>
                ) : null}
                <td className="num">{point.target === null ? '—' : format.value(point.target)}</td>
                <td>
                  <ProgressBar progress={point.progress} format={format} />
                </td>
                <td>
                  {valueClass ? (
                    <span className="class-cell">
                      <span className="choropleth-swatch" style={{ background: valueClass.color }} aria-hidden="true" />
                      {t('indicators.table.classOf', { index: valueClass.index, count: classification.classes.length })}
                    </span>
                  ) : (
                    <span className="class-cell">
                      <span className="choropleth-swatch choropleth-swatch--missing" aria-hidden="true" />
                      {t('indicators.missing')}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
