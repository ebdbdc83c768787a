import { useTranslation } from 'react-i18next';
import { useServiceWorkerState } from '../lib/offline/service-worker-state';

/** "Nuova versione disponibile": shown when a new build is installed and waiting; the user chooses when to reload. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const { needRefresh, update } = useServiceWorkerState();
  if (!needRefresh || !update) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('fieldMode.update.available')}</span>
      <button type="button" className="button button--primary" onClick={() => void update()}>
        {t('fieldMode.update.reload')}
      </button>
    </div>
  );
}
