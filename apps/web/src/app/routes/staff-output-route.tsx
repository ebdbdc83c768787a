import { StaffOutputView } from '../../features/staff-output/components/staff-output-view';

export function StaffOutputRoute() {
  return <StaffOutputView />;
}
