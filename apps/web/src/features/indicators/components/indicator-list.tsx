import { INDICATOR_KINDS, PROGRAMME_INDICATOR_CODES, type IndicatorKind } from '@trama/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useIndicators } from '../api/list-indicators';
import type { IndicatorDefinitionDto } from '../api/types';
import { canManageIndicators } from '../utils/permissions';
import { useIndicatorName } from '../utils/use-value-format';

interface Group {
  key: 'programme' | IndicatorKind;
  items: IndicatorDefinitionDto[];
}

/** The programme's three first (in their order), then the others by kind (output, result, context), each by position and name. */
export function groupIndicators(
  items: readonly IndicatorDefinitionDto[],
  nameOf: (d: IndicatorDefinitionDto) => string,
  compare: (a: string, b: string) => number,
): Group[] {
  const programme = PROGRAMME_INDICATOR_CODES.flatMap((code) => items.filter((d) => d.code === code));
  const rest = items.filter((d) => !(PROGRAMME_INDICATOR_CODES as readonly string[]).includes(d.code));
  const byOrder = (a: IndicatorDefinitionDto, b: IndicatorDefinitionDto) => a.position - b.position || compare(nameOf(a), nameOf(b));
  const groups: Group[] = [{ key: 'programme', items: programme }];
  for (const kind of INDICATOR_KINDS) groups.push({ key: kind, items: rest.filter((d) => d.kind === kind).sort(byOrder) });
  return groups.filter((g) => g.items.length > 0);
}

function IndicatorGroup({ group }: { group: Group }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const name = useIndicatorName();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="indicator-tight">
      <h2 id={headingId}>{t(`indicators.list.groups.${group.key}`)}</h2>
      <ul className="indicator-cards">
        {group.items.map((d) => (
          <li key={d.code} className="card indicator-card">
            <h3 className="indicator-card__title">
              <Link to={`/indicatori/${d.code}`}>{name(d)}</Link>
            </h3>
            <p className="muted indicator-card__meta">
              {t(`indicators.kinds.${d.kind}`)} · {t(`indicators.units.${d.unit}`)} · {t(`indicators.sources.${d.source}`)}
              {d.active ? '' : ` · ${t('indicators.list.inactive')}`}
            </p>
            {canManageIndicators(user.role) ? (
              <p>
                <Link to={`/indicatori/${d.code}/modifica`} aria-label={t('indicators.list.editNamed', { name: name(d) })}>
                  {t('indicators.list.edit')}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every definition of the tenant, the programme's three first, then by kind. */
export function IndicatorList() {
  const { t } = useTranslation();
  const { compare } = useFormatters();
  const name = useIndicatorName();
  const list = useIndicators();
  if (list.isPending) return <Loading />;
  if (list.isError) return <Alert tone="error">{errorMessage(t, list.error)}</Alert>;
  const groups = groupIndicators(list.data.items, name, compare);
  return (
    <div className="stack">
      <p className="result-count" role="status">
        {t('indicators.list.count', { count: list.data.items.length })}
      </p>
      {groups.map((g) => (
        <IndicatorGroup key={g.key} group={g} />
      ))}
    </div>
  );
}
