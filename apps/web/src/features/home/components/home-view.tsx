import { useSessionUser } from '../../../lib/auth/session';
import { CoordinatorHome } from './coordinator-home';
import { InnovatorHome } from './innovator-home';
import { MunicipalityHome } from './municipality-home';
import './home.css';

/** `/`: each role's home. Admins get the coordinator's desk (over every tenant). */
export function HomeView() {
  const user = useSessionUser();
  if (user.role === 'innovator') return <InnovatorHome />;
  if (user.role === 'municipality') return <MunicipalityHome />;
  return <CoordinatorHome />;
}
