import { OverviewPage } from '../features/overview/components/overview-page';

export function OverviewRoute() {
  return <OverviewPage />;
}
