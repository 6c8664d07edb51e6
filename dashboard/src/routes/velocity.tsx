import { VelocityPage } from '../features/velocity/components/velocity-page';

export function VelocityRoute() {
  return <VelocityPage />;
}
