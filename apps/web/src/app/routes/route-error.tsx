import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundRoute } from './not-found-route';

/** Shown when a page fails to render (a bug, or a chunk that failed to load after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;
  return (
    <main id="main" className="main main--narrow" tabIndex={-1}>
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.lead')}</p>
      <p>
        <a href="/">{t('routeError.reload')}</a>
      </p>
    </main>
  );
}
