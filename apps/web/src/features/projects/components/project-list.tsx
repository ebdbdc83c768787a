import { PROJECT_PROGRAMMES, PROJECT_STATUSES } from '@trama/contracts';
import '../projects.css';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useExportProjects } from '../api/export-projects';
import { useProjects } from '../api/list-projects';
import type { ProjectListQuery } from '../api/types';
import { money, percent } from './progress-table';

/** The projects list: filters in the URL (q, status, programme), count, the three exports, each project's latest figures. */
export function ProjectList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? undefined,
    status: (params.get('status') ?? undefined) as ProjectListQuery['status'],
    programme: (params.get('programme') ?? undefined) as ProjectListQuery['programme'],
  };
  const query: ProjectListQuery = { ...filters, page: 1, pageSize: 100 };
  const projects = useProjects(query);
  const exporter = useExportProjects();
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const key of ['q', 'status', 'programme']) {
      const v = String(data.get(key) ?? '').trim();
      if (v) next.set(key, v);
    }
    setParams(next);
  };
  return (
    <div className="stack">
      <form
        className="card stack-tight"
        aria-label={t('projects.filters.title')}
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
      >
        <div className="field">
          <label htmlFor="project-q">{t('projects.filters.q')}</label>
          <input id="project-q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <div className="field">
          <label htmlFor="project-status">{t('projects.filters.status')}</label>
          <select id="project-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('projects.filters.all')}</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`vocab.projectStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="project-programme">{t('projects.filters.programme')}</label>
          <select id="project-programme" name="programme" defaultValue={filters.programme ?? ''}>
            <option value="">{t('projects.filters.all')}</option>
            {PROJECT_PROGRAMMES.map((p) => (
              <option key={p} value={p}>
                {t(`vocab.projectProgramme.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="project-actions">
          <button type="submit" className="button button--primary">
            {t('projects.filters.apply')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setParams(new URLSearchParams())}>
            {t('projects.filters.reset')}
          </button>
        </div>
      </form>
      <div className="project-actions" role="group" aria-label={t('projects.export.title')}>
        {(['csv', 'csv-it', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary button--small"
            disabled={exporter.isPending}
            onClick={() => exporter.mutate({ ...filters, format })}
          >
            {t(`projects.export.${format === 'csv-it' ? 'csvIt' : format}`)}
          </button>
        ))}
      </div>
      {exporter.isError ? <Alert tone="error">{errorMessage(t, exporter.error)}</Alert> : null}
      {projects.isPending ? (
        <Loading />
      ) : projects.isError && !projects.data ? (
        <Alert tone="error">{errorMessage(t, projects.error)}</Alert>
      ) : (
        <>
          <p role="status">{t('projects.count', { count: projects.data.total, formatted: f.integer(projects.data.total) })}</p>
          {projects.data.items.length === 0 ? (
            <p>{t('projects.empty')}</p>
          ) : (
            <ul className="project-list">
              {projects.data.items.map((p) => (
                <li key={p.id} className="card">
                  <h2 className="project-card__title">
                    <Link to={`/progetti/${p.id}`}>
                      {p.code} — {p.title}
                    </Link>
                  </h2>
                  <p>
                    {t(`vocab.projectProgramme.${p.programme}`)} · {t(`vocab.projectStatus.${p.status}`)}
                    {p.cup ? ` · ${t('projects.fields.cup')} ${p.cup}` : ''}
                  </p>
                  <p>
                    {p.latestProgress
                      ? `${t('projects.fields.admitted')}: ${money(p.latestProgress.admitted, f.locale)} · ${t('projects.shares.paidOfAdmitted')}: ${percent(p.latestProgress.shares.paidOfAdmitted, f.locale)}`
                      : t('projects.noProgress')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
