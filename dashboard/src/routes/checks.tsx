import { ChecksPage } from '../features/checks/components/checks-page';

export function ChecksRoute() {
  return <ChecksPage />;
}
