import { createBrowserRouter, type RouteObject } from 'react-router';
import { ACTIVITY_AUTHOR_ROLES, ACTIVITY_REVIEWER_ROLES } from '../features/activities/utils/permissions';
import { COLLABORATION_READER_ROLES, COLLABORATION_WEIGHTS_ROLES } from '../features/collaborations/utils/permissions';
import { PROJECT_WRITER_ROLES } from '@trama/contracts';
import { INDICATOR_MANAGER_ROLES, INDICATOR_VALUE_AUTHOR_ROLES } from '../features/indicators/utils/permissions';
import { INITIATIVE_WRITER_ROLES } from '../features/initiatives/utils/permissions';
import { LEGAL_EDITOR_ROLES } from '../features/legal-pages/utils/permissions';
import { STAFF_OUTPUT_ROLES } from '../features/staff-output/utils/permissions';
import { USER_MANAGER_ROLES } from '../lib/auth/permissions';
import { PublicShell } from './layout/public-shell';
import { loadSignedInTexts } from '../lib/i18n/i18n';
import { FORCED_CHANGE_PATH, RequireAuth, RequireRole } from './require-auth';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteError } from './routes/route-error';

/**
 * Paths are Italian (they are user-facing: bookmarks, shared links); code names stay English.
 * Pages behind the login load on demand, so that the login page stays small on a phone.
 */
export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicShell />,
        children: [
          { path: '/login', element: <LoginRoute /> },
          {
            path: '/password-dimenticata',
            lazy: () => import('./routes/password-reset-routes').then((m) => ({ Component: m.ForgotPasswordRoute })),
          },
          {
            path: '/password-dimenticata/inviata',
            lazy: () => import('./routes/password-reset-routes').then((m) => ({ Component: m.ForgotPasswordSentRoute })),
          },
          {
            path: '/reimposta-password',
            lazy: () => import('./routes/password-reset-routes').then((m) => ({ Component: m.ResetPasswordRoute })),
          },
          // the accessibility statement and privacy notice: public, linked from every footer
          {
            path: '/accessibilita/:istatCode?',
            lazy: () => import('./routes/legal-route').then((m) => ({ Component: m.AccessibilityRoute })),
          },
          { path: '/privacy/:istatCode?', lazy: () => import('./routes/legal-route').then((m) => ({ Component: m.PrivacyRoute })) },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <PublicShell />,
            children: [
              {
                path: FORCED_CHANGE_PATH,
                lazy: () => import('./routes/forced-password-change-route').then((m) => ({ Component: m.ForcedPasswordChangeRoute })),
              },
            ],
          },
          {
            // the signed-in shell loads on demand, like the pages: it is not part of the login page
            // (with the rest of the Italian texts: the login page carries only its own)
            lazy: () => Promise.all([import('./layout/app-shell'), loadSignedInTexts()]).then(([m]) => ({ Component: m.AppShell })),
            children: [
              { path: '/', lazy: () => import('./routes/home-route').then((m) => ({ Component: m.HomeRoute })) },
              { path: '/territorio', lazy: () => import('./routes/territory-route').then((m) => ({ Component: m.TerritoryRoute })) },
              // the map loads on demand with Leaflet: none of it is in the login page's JavaScript
              { path: '/mappa', lazy: () => import('./routes/map-route').then((m) => ({ Component: m.MapRoute })) },
              { path: '/attivita', lazy: () => import('./routes/activities-route').then((m) => ({ Component: m.ActivitiesRoute })) },
              // the offline outbox: what this device has not sent yet (docs/field-mode.md)
              { path: '/in-uscita', lazy: () => import('./routes/outbox-route').then((m) => ({ Component: m.OutboxRoute })) },
              { path: '/iniziative', lazy: () => import('./routes/initiatives-route').then((m) => ({ Component: m.InitiativesRoute })) },
              {
                element: <RequireRole roles={INITIATIVE_WRITER_ROLES} />,
                children: [
                  {
                    path: '/iniziative/nuova',
                    lazy: () => import('./routes/initiatives-route').then((m) => ({ Component: m.NewInitiativeRoute })),
                  },
                  {
                    path: '/iniziative/:id/modifica',
                    lazy: () => import('./routes/initiatives-route').then((m) => ({ Component: m.EditInitiativeRoute })),
                  },
                ],
              },
              {
                path: '/iniziative/:id',
                lazy: () => import('./routes/initiatives-route').then((m) => ({ Component: m.InitiativeDetailRoute })),
              },
              { path: '/progetti', lazy: () => import('./routes/projects-route').then((m) => ({ Component: m.ProjectsRoute })) },
              { path: '/programma', lazy: () => import('./routes/projects-route').then((m) => ({ Component: m.ProgrammeRoute })) },
              {
                element: <RequireRole roles={PROJECT_WRITER_ROLES} />,
                children: [
                  {
                    path: '/progetti/nuovo',
                    lazy: () => import('./routes/projects-route').then((m) => ({ Component: m.NewProjectRoute })),
                  },
                  {
                    path: '/progetti/importa',
                    lazy: () => import('./routes/projects-route').then((m) => ({ Component: m.ImportProjectsRoute })),
                  },
                  {
                    path: '/progetti/:id/modifica',
                    lazy: () => import('./routes/projects-route').then((m) => ({ Component: m.EditProjectRoute })),
                  },
                ],
              },
              { path: '/progetti/:id', lazy: () => import('./routes/projects-route').then((m) => ({ Component: m.ProjectDetailRoute })) },
              // the dashboards load on demand; echarts and Leaflet only with the indicator page's sections
              { path: '/indicatori', lazy: () => import('./routes/indicators-route').then((m) => ({ Component: m.IndicatorsRoute })) },
              {
                element: <RequireRole roles={INDICATOR_MANAGER_ROLES} />,
                children: [
                  {
                    path: '/indicatori/nuovo',
                    lazy: () => import('./routes/indicator-forms-route').then((m) => ({ Component: m.NewIndicatorRoute })),
                  },
                  {
                    path: '/indicatori/:code/modifica',
                    lazy: () => import('./routes/indicator-forms-route').then((m) => ({ Component: m.EditIndicatorRoute })),
                  },
                  {
                    path: '/indicatori/da-validare',
                    lazy: () => import('./routes/indicator-forms-route').then((m) => ({ Component: m.IndicatorValueQueueRoute })),
                  },
                ],
              },
              {
                element: <RequireRole roles={INDICATOR_VALUE_AUTHOR_ROLES} />,
                children: [
                  {
                    path: '/indicatori/importa',
                    lazy: () => import('./routes/indicator-forms-route').then((m) => ({ Component: m.ImportIndicatorValuesRoute })),
                  },
                  {
                    path: '/indicatori/:code/valori',
                    lazy: () => import('./routes/indicator-forms-route').then((m) => ({ Component: m.EnterIndicatorValueRoute })),
                  },
                ],
              },
              {
                path: '/indicatori/territorio/:territory',
                lazy: () => import('./routes/indicators-route').then((m) => ({ Component: m.TerritoryIndicatorsRoute })),
              },
              { path: '/indicatori/:code', lazy: () => import('./routes/indicators-route').then((m) => ({ Component: m.IndicatorRoute })) },
              { path: '/riuso', lazy: () => import('./routes/reuse-route').then((m) => ({ Component: m.ReuseRoute })) },
              { path: '/riuso/pesi', lazy: () => import('./routes/reuse-route').then((m) => ({ Component: m.ReuseWeightsRoute })) },
              { path: '/immobili', lazy: () => import('./routes/buildings-route').then((m) => ({ Component: m.BuildingsRoute })) },
              { path: '/immobili/nuovo', lazy: () => import('./routes/buildings-route').then((m) => ({ Component: m.NewBuildingRoute })) },
              {
                path: '/immobili/scadenze',
                lazy: () => import('./routes/buildings-route').then((m) => ({ Component: m.ExpiringBuildingsRoute })),
              },
              {
                path: '/immobili/da-verificare',
                lazy: () => import('./routes/buildings-route').then((m) => ({ Component: m.StaleBuildingsRoute })),
              },
              {
                element: <RequireRole roles={['innovator', 'coordinator']} />,
                children: [
                  {
                    path: '/immobili/importa',
                    lazy: () => import('./routes/buildings-route').then((m) => ({ Component: m.ImportBuildingsRoute })),
                  },
                ],
              },
              { path: '/immobili/:id', lazy: () => import('./routes/buildings-route').then((m) => ({ Component: m.BuildingDetailRoute })) },
              {
                path: '/immobili/:id/modifica',
                lazy: () => import('./routes/buildings-route').then((m) => ({ Component: m.EditBuildingRoute })),
              },
              {
                element: <RequireRole roles={ACTIVITY_AUTHOR_ROLES} />,
                children: [
                  {
                    path: '/attivita/nuova',
                    lazy: () => import('./routes/activities-route').then((m) => ({ Component: m.NewActivityRoute })),
                  },
                  {
                    path: '/attivita/:id/modifica',
                    lazy: () => import('./routes/activities-route').then((m) => ({ Component: m.EditActivityRoute })),
                  },
                ],
              },
              {
                path: '/attivita/:id',
                lazy: () => import('./routes/activities-route').then((m) => ({ Component: m.ActivityDetailRoute })),
              },
              {
                path: '/organizzazioni',
                lazy: () => import('./routes/organizations-route').then((m) => ({ Component: m.OrganizationsRoute })),
              },
              {
                element: <RequireRole roles={['innovator', 'coordinator']} />,
                children: [
                  {
                    path: '/organizzazioni/nuova',
                    lazy: () => import('./routes/organizations-route').then((m) => ({ Component: m.NewOrganizationRoute })),
                  },
                  {
                    path: '/organizzazioni/da-verificare',
                    lazy: () => import('./routes/organizations-route').then((m) => ({ Component: m.StaleOrganizationsRoute })),
                  },
                  {
                    path: '/organizzazioni/importa',
                    lazy: () => import('./routes/organizations-route').then((m) => ({ Component: m.ImportOrganizationsRoute })),
                  },
                  {
                    path: '/organizzazioni/:id/modifica',
                    lazy: () => import('./routes/organizations-route').then((m) => ({ Component: m.EditOrganizationRoute })),
                  },
                ],
              },
              {
                path: '/organizzazioni/:id',
                lazy: () => import('./routes/organizations-route').then((m) => ({ Component: m.OrganizationDetailRoute })),
              },
              // the collaboration model: suggestions, the network drawn (sigma loads with that page only), the weights
              {
                element: <RequireRole roles={COLLABORATION_READER_ROLES} />,
                children: [
                  {
                    path: '/collaborazioni',
                    lazy: () => import('./routes/collaborations-route').then((m) => ({ Component: m.SuggestionsRoute })),
                  },
                  {
                    path: '/collaborazioni/rete',
                    lazy: () => import('./routes/collaborations-route').then((m) => ({ Component: m.NetworkRoute })),
                  },
                ],
              },
              {
                element: <RequireRole roles={COLLABORATION_WEIGHTS_ROLES} />,
                children: [
                  {
                    path: '/collaborazioni/pesi',
                    lazy: () => import('./routes/collaborations-route').then((m) => ({ Component: m.WeightsRoute })),
                  },
                ],
              },
              {
                element: <RequireRole roles={ACTIVITY_REVIEWER_ROLES} />,
                children: [
                  { path: '/revisione', lazy: () => import('./routes/activities-route').then((m) => ({ Component: m.ReviewRoute })) },
                ],
              },
              {
                element: <RequireRole roles={STAFF_OUTPUT_ROLES} />,
                children: [
                  { path: '/staff', lazy: () => import('./routes/staff-output-route').then((m) => ({ Component: m.StaffOutputRoute })) },
                ],
              },
              {
                element: <RequireRole roles={USER_MANAGER_ROLES} />,
                children: [
                  { path: '/utenti', lazy: () => import('./routes/users-route').then((m) => ({ Component: m.UsersRoute })) },
                  { path: '/utenti/nuovo', lazy: () => import('./routes/users-route').then((m) => ({ Component: m.CreateUserRoute })) },
                  { path: '/utenti/:id', lazy: () => import('./routes/users-route').then((m) => ({ Component: m.UserDetailRoute })) },
                ],
              },
              {
                element: <RequireRole roles={LEGAL_EDITOR_ROLES} />,
                children: [
                  {
                    path: '/accessibilita/:istatCode/modifica',
                    lazy: () => import('./routes/legal-route').then((m) => ({ Component: m.EditAccessibilityRoute })),
                  },
                  {
                    path: '/privacy/:istatCode/modifica',
                    lazy: () => import('./routes/legal-route').then((m) => ({ Component: m.EditPrivacyRoute })),
                  },
                ],
              },
              {
                element: <RequireRole roles={['coordinator']} />,
                children: [
                  { path: '/logo', lazy: () => import('./routes/tenant-logo-route').then((m) => ({ Component: m.TenantLogoRoute })) },
                ],
              },
              {
                path: '/profilo/password',
                lazy: () => import('./routes/change-password-route').then((m) => ({ Component: m.ChangePasswordRoute })),
              },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
