import type { MunicipalityDto } from '../../../lib/reference/municipalities';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import type { SocialAreaGroup } from '../utils/group-by-social-area';
import { NO_AREA_COLOR } from '../utils/area-colors';

interface MunicipalityListProps {
  groups: SocialAreaGroup[];
  colors: ReadonlyMap<string, string>;
  selected: string | null;
  /** true when the selection came from the map: the row then takes focus */
  focusSelected: boolean;
  onSelect: (istatCode: string) => void;
  /** present for users who may move a municipality to another social area */
  onMove?: (municipality: MunicipalityDto) => void;
}

function AreaGroup({
  group,
  color,
  selected,
  focusSelected,
  onSelect,
  onMove,
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
      <div className="table-wrap">
        <table className="table table--areas">
          <caption className="sr-only">{t('territory.list.caption', { area: areaName })}</caption>
          <colgroup>
            <col className="col-name" />
            <col className="col-code" />
            <col className="col-population" />
            {onMove ? <col className="col-actions" /> : null}
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
              {onMove ? (
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              ) : null}
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
                  {onMove ? (
                    <td className="actions">
                      <button type="button" className="button button--secondary button--small" onClick={() => onMove(municipality)}>
                        {t('territory.move.button')}
                        <span className="sr-only">{`: ${municipality.name}`}</span>
                      </button>
                    </td>
                  ) : null}
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
              {onMove ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </div>
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
