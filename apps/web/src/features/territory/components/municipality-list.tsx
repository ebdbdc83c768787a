import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import type { SocialAreaGroup } from '../utils/group-by-social-area';
import { NO_AREA_COLOR } from '../utils/area-colors';
import { ScrollRegion } from '../../../components/scroll-region';

interface MunicipalityListProps {
  groups: SocialAreaGroup[];
  colors: ReadonlyMap<string, string>;
  selected: string | null;
  /** true when the selection came from the map: the row then takes focus */
  focusSelected: boolean;
  onSelect: (istatCode: string) => void;
}

function AreaGroup({
  group,
  color,
  selected,
  focusSelected,
  onSelect,
}: Omit<MunicipalityListProps, 'groups' | 'colors'> & { group: SocialAreaGroup; color: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const selectedButton = useRef<HTMLButtonElement>(null);
  const areaName = group.name ?? t('territory.noArea');
  const years = [...new Set(group.municipalities.map((m) => m.populationYear))];

  useEffect(() => {
    if (focusSelected && selectedButton.current) {
      selectedButton.current.focus({ preventScroll: true });
      selectedButton.current.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }, [focusSelected, selected]);

  return (
    <section className="area-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="area-group__title">
        <span className="swatch" style={{ backgroundColor: color }} aria-hidden="true" />
        {areaName}
      </h3>
      <ScrollRegion label={t('territory.list.caption', { area: areaName })}>
        <table className="table table--areas">
          <caption className="sr-only">{t('territory.list.caption', { area: areaName })}</caption>
          <colgroup>
            <col className="col-name" />
            <col className="col-code" />
            <col className="col-population" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('territory.list.municipality')}</th>
              <th scope="col" className="cell-code">
                {t('territory.list.istatCode')}
              </th>
              <th scope="col" className="num">
                {years.length === 1 ? t('territory.list.populationYear', { year: years[0] }) : t('territory.list.population')}
              </th>
            </tr>
          </thead>
          <tbody>
            {group.municipalities.map((municipality) => {
              const isSelected = municipality.istatCode === selected;
              return (
                <tr key={municipality.istatCode} className={isSelected ? 'is-selected' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      ref={isSelected ? selectedButton : undefined}
                      className="link-button"
                      aria-pressed={isSelected}
                      onClick={() => onSelect(municipality.istatCode)}
                    >
                      {municipality.name}
                      <span className="sr-only">{`, ${t('territory.list.showOnMap')}`}</span>
                    </button>
                    {/* on a phone the code column folds under the name */}
                    <span className="code code-inline">{municipality.istatCode}</span>
                  </th>
                  <td className="cell-code">
                    <span className="code">{municipality.istatCode}</span>
                  </td>
                  <td className="num">{format.integer(municipality.population)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">
                {t('territory.list.total')}
                <span className="total-count">
                  {t('territory.list.municipalityCount', {
                    count: group.municipalities.length,
                    formatted: format.integer(group.municipalities.length),
                  })}
                </span>
              </th>
              <td className="cell-code" />
              <td className="num">{format.integer(group.totalPopulation)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** The municipalities grouped by social area: the map's accessible equivalent. */
export function MunicipalityList({ groups, colors, ...rest }: MunicipalityListProps) {
  return (
    <div className="area-groups">
      {groups.map((group) => (
        <AreaGroup key={group.code ?? '-'} group={group} color={(group.code && colors.get(group.code)) || NO_AREA_COLOR} {...rest} />
      ))}
    </div>
  );
}
