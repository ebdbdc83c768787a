import type { InitiativeStatus } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import '../initiatives.css';

/** The status as text in a coloured pill with a symbol: never colour alone. */
const SYMBOLS: Record<InitiativeStatus, string> = { idea: '☆', planned: '◔', running: '▶', completed: '✓', stopped: '■' };

export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge initiative-status initiative-status--${status}`}>
      <span aria-hidden="true">{SYMBOLS[status]} </span>
      {t(`vocab.initiativeStatus.${status}`)}
    </span>
  );
}
