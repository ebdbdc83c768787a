import type { ReuseStage } from '@trama/contracts';
import { useTranslation } from 'react-i18next';

/** The reuse stage as a badge: text always (colour is a hint only). */
export function StageBadge({ stage }: { stage: ReuseStage }) {
  const { t } = useTranslation();
  return <span className={`badge building-stage building-stage--${stage}`}>{t(`vocab.reuseStage.${stage}`)}</span>;
}
