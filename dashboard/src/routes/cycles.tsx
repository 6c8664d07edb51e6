import { CyclesPage } from '../features/cycles/components/cycles-page';

export function CyclesRoute() {
  return <CyclesPage />;
}
