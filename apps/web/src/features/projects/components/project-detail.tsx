import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import '../projects.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading';
import { useFormatters } from '../../../lib/i18n/format';
import type { ProjectDto, ProjectHistory } from '../api/types';
import { AMOUNT_KEYS, progressOverTime } from './chart-options';
import { ProgressForm } from './progress-form';
import { money, percent, ProgressTable } from './progress-table';

const EChartsView = lazy(() => import('./echarts-view'));

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The project's sheet: fields, financial progress (chart and its table), beneficiaries, links, documents, history. */
export function ProjectDetail({ project, canWrite, history }: { project: ProjectDto; canWrite: boolean; history?: ProjectHistory }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const none = t('projects.detail.none');
  const progress = useMemo(() => project.progress ?? [], [project.progress]);
  const option = useMemo(
    () =>
      progressOverTime(
        progress,
        Object.fromEntries(AMOUNT_KEYS.map((k) => [k, t(`projects.fields.${k}`)])) as Record<(typeof AMOUNT_KEYS)[number], string>,
        { date: f.date, money: (n) => money(n, f.locale) },
      ),
    [progress, t, f],
  );
  const latest = project.latestProgress;
  return (
    <div className="stack">
      <section className="stack-tight" aria-labelledby="project-general">
        <h2 id="project-general">{t('projects.detail.general')}</h2>
        <dl className="summary">
          <Row label={t('projects.fields.code')}>{project.code}</Row>
          <Row label={t('projects.fields.programme')}>{t(`vocab.projectProgramme.${project.programme}`)}</Row>
          <Row label={t('projects.fields.action')}>{project.action ?? none}</Row>
          <Row label={t('projects.fields.status')}>{t(`vocab.projectStatus.${project.status}`)}</Row>
          <Row label={t('projects.fields.implementingBody')}>
            {project.implementingOrganization?.name ?? project.implementingBody ?? none}
          </Row>
          <Row label={t('projects.fields.cup')}>{project.cup ?? none}</Row>
          <Row label={t('projects.fields.rup')}>{project.rup ?? none}</Row>
          <Row label={t('projects.fields.startDate')}>{project.startDate ? f.date(project.startDate) : none}</Row>
          <Row label={t('projects.fields.endDate')}>{project.endDate ? f.date(project.endDate) : none}</Row>
          <Row label={t('projects.fields.expectedInvestment')}>
            {project.expectedInvestment === null ? none : money(project.expectedInvestment, f.locale)}
          </Row>
          <Row label={t('projects.fields.municipalities')}>{project.municipalities.map((m) => m.name).join(', ') || none}</Row>
        </dl>
        {project.description ? <p>{project.description}</p> : null}
      </section>

      <section className="stack-tight" aria-labelledby="project-progress">
        <h2 id="project-progress">{t('projects.progress.title')}</h2>
        {latest ? (
          <>
            <p>{t('projects.progress.latest', { date: f.date(latest.date) })}</p>
            <dl className="summary">
              <Row label={t('projects.shares.admittedOfProgrammed')}>{percent(latest.shares.admittedOfProgrammed, f.locale)}</Row>
              <Row label={t('projects.shares.committedOfAdmitted')}>{percent(latest.shares.committedOfAdmitted, f.locale)}</Row>
              <Row label={t('projects.shares.paidOfAdmitted')}>{percent(latest.shares.paidOfAdmitted, f.locale)}</Row>
            </dl>
            <figure className="stack-tight">
              <figcaption>
                <strong>{t('projects.progress.chartTitle')}</strong>{' '}
                <span className="field__hint">{t('projects.progress.chartDescription')}</span>
              </figcaption>
              <Suspense fallback={<Loading />}>
                <EChartsView option={option} />
              </Suspense>
            </figure>
            <ProgressTable progress={progress} />
          </>
        ) : (
          <p>{t('projects.progress.empty')}</p>
        )}
        {canWrite ? <ProgressForm key={project.id} project={project} /> : null}
      </section>

      <section className="stack-tight" aria-labelledby="project-beneficiaries">
        <h2 id="project-beneficiaries">{t('projects.fields.beneficiaries')}</h2>
        {project.beneficiaries?.length ? (
          <ul>
            {project.beneficiaries.map((b) => (
              <li key={b.organization.id}>
                <Link to={`/organizzazioni/${b.organization.id}`}>{b.organization.name}</Link>
                {b.amount === null ? null : ` — ${money(b.amount, f.locale)}`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('projects.detail.noBeneficiaries')}</p>
        )}
      </section>

      <section className="stack-tight" aria-labelledby="project-links">
        <h2 id="project-links">{t('projects.detail.links')}</h2>
        {(project.initiatives?.length ?? 0) + (project.buildings?.length ?? 0) + (project.activities?.length ?? 0) === 0 ? (
          <p>{t('projects.detail.noLinks')}</p>
        ) : (
          <ul>
            {project.initiatives?.map((i) => (
              <li key={i.id}>
                {t('projects.detail.initiatives')}: <Link to={`/iniziative/${i.id}`}>{i.name}</Link>
              </li>
            ))}
            {project.buildings?.map((b) => (
              <li key={b.id}>
                {t('projects.detail.buildings')}: <Link to={`/immobili/${b.id}`}>{b.name}</Link>
              </li>
            ))}
            {project.activities?.map((a) => (
              <li key={a.id}>
                {t('projects.detail.activities')}: <Link to={`/attivita/${a.id}`}>{a.title ?? f.date(a.date)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack-tight" aria-labelledby="project-documents">
        <h2 id="project-documents">{t('projects.fields.documents')}</h2>
        {project.documents.length ? (
          <ul>
            {project.documents.map((d) => (
              <li key={d.url}>
                <a href={d.url} rel="noopener noreferrer" target="_blank">
                  {d.title}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('projects.detail.noDocuments')}</p>
        )}
      </section>

      {history ? (
        <section className="stack-tight" aria-labelledby="project-history">
          <h2 id="project-history">{t('projects.detail.history')}</h2>
          {history.entries.length ? (
            <ol>
              {history.entries.map((e) => (
                <li key={e.id}>
                  {f.dateTime(e.at)} — {t(`projects.detail.action_${e.action}`)}
                  {e.actor ? ` (${e.actor.fullName})` : ''}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('projects.detail.historyEmpty')}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
