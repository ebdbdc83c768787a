import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/api/types';
import { useFormatters } from '../../../lib/i18n/format';
import { useMunicipalities } from '../../../lib/reference/municipalities';
import { useSocialAreas } from '../../../lib/reference/social-areas';
import { ownTerritory } from '../utils/territory-param';

export interface TerritoryChoice {
  value: string;
  name: string;
}

export interface TerritoryChoices {
  tenant: TerritoryChoice | null;
  socialAreas: TerritoryChoice[];
  municipalities: TerritoryChoice[];
}

/**
 * The territories a user may pick: the metropolitan city, its social areas and its municipalities;
 * a municipality user only their own (their municipality, or their social area and its
 * municipalities: the reference lists are already limited to what they may see).
 */
export function useTerritoryChoices(user: Pick<SessionUser, 'role' | 'territory' | 'tenant'>): TerritoryChoices & { isPending: boolean } {
  const { t } = useTranslation();
  const { compare } = useFormatters();
  const municipalities = useMunicipalities();
  const socialAreas = useSocialAreas();
  return useMemo(() => {
    const own = ownTerritory(user);
    const areas = (socialAreas.data ?? [])
      .filter((a) => !own || (own.kind === 'social_area' && own.code === a.code))
      .map((a) => ({ value: `socialArea:${a.code}`, name: a.name }))
      .sort((a, b) => compare(a.name, b.name));
    const towns = (municipalities.data ?? [])
      .filter((m) => !own || own.kind === 'social_area' || (own.kind === 'municipality' && own.istatCode === m.istatCode))
      .map((m) => ({ value: `municipality:${m.istatCode}`, name: m.name }))
      .sort((a, b) => compare(a.name, b.name));
    return {
      tenant: own ? null : { value: 'tenant', name: user.tenant?.name ?? t('indicators.territory.tenant') },
      socialAreas: areas,
      municipalities: towns,
      isPending: municipalities.isPending || socialAreas.isPending,
    };
  }, [user, municipalities.data, municipalities.isPending, socialAreas.data, socialAreas.isPending, compare, t]);
}

/** The name of a territory among the choices (the page title's territory). */
export function territoryName(choices: TerritoryChoices, value: string): string | undefined {
  if (choices.tenant?.value === value) return choices.tenant.name;
  return [...choices.socialAreas, ...choices.municipalities].find((c) => c.value === value)?.name;
}

export function TerritorySelect({
  choices,
  value,
  onChange,
}: {
  choices: TerritoryChoices;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('indicators.filters.territory')}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.tenant ? <option value={choices.tenant.value}>{choices.tenant.name}</option> : null}
        {choices.socialAreas.length ? (
          <optgroup label={t('indicators.territory.socialAreas')}>
            {choices.socialAreas.map((c) => (
              <option key={c.value} value={c.value}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {choices.municipalities.length ? (
          <optgroup label={t('indicators.territory.municipalities')}>
            {choices.municipalities.map((c) => (
              <option key={c.value} value={c.value}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}
