import { TerritoryView } from '../../features/territory/components/territory-view';

export function TerritoryRoute() {
  return <TerritoryView />;
}
