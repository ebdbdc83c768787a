import { HomeView } from '../../features/home/components/home-view';

export function HomeRoute() {
  return <HomeView />;
}
