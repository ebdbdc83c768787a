import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { SelectField } from '../../../components/form-field';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { asMunicipalityOptions, useMunicipalities } from '../../../lib/reference/municipalities';
import { asSocialAreaOptions, useSocialAreas } from '../../../lib/reference/social-areas';
import { TERRITORY_KINDS } from './user-form-schema';

interface TerritoryFieldsetProps {
  kind: (typeof TERRITORY_KINDS)[number];
  kindField: UseFormRegisterReturn;
  codeField: UseFormRegisterReturn;
  kindError?: string;
  codeError?: string;
}

/** The territory a municipality user may see: one municipality, or one social area with its municipalities. */
export function TerritoryFieldset({ kind, kindField, codeField, kindError, codeError }: TerritoryFieldsetProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const municipalities = useMunicipalities({ enabled: kind === 'municipality', select: asMunicipalityOptions });
  const areas = useSocialAreas({ enabled: kind === 'social_area', select: asSocialAreaOptions });
  const query = kind === 'municipality' ? municipalities : areas;
  const options = [...(query.data ?? [])].sort((a, b) => format.compare(a.name, b.name));

  return (
    <fieldset className="fieldset">
      <legend>{t('users.form.territory')}</legend>
      <div className="radios" role="radiogroup" aria-label={t('users.form.territoryKind')}>
        {TERRITORY_KINDS.map((value) => (
          <label key={value} className="check">
            <input type="radio" value={value} {...kindField} />
            <span>{t(`users.territoryKind.${value}`)}</span>
          </label>
        ))}
      </div>
      {kindError ? <p className="field__error">{kindError}</p> : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(t, query.error)}</Alert>
      ) : (
        <SelectField
          label={kind === 'municipality' ? t('users.form.territoryMunicipality') : t('users.form.territorySocialArea')}
          required
          error={codeError}
          {...codeField}
        >
          <option value="">{t('common.choose')}</option>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name} ({option.code})
            </option>
          ))}
        </SelectField>
      )}
    </fieldset>
  );
}
