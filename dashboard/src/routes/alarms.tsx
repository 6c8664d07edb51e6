import { AlarmsPage } from '../features/alarms/components/alarms-page';

export function AlarmsRoute() {
  return <AlarmsPage />;
}
