import { ensureDashboardBuilt } from '@flywheel/dashboard/build';

/**
 * `start` and `demo` serve the dashboard's production build: it is built first when missing, older than
 * its sources or a development build. A failed build does not stop the collector and the API; the page
 * then says how to build it.
 */
export function prepareDashboard(): void {
  try {
    ensureDashboardBuilt((line) => console.log(line));
  } catch (error) {
    console.error(`flywheel: ${(error as Error).message}; the API and the collector start without it`);
  }
}
