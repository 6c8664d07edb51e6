import { ensureDashboardBuilt } from '../../dashboard/scripts/ensure-built';

/**
 * The end-to-end tests drive the built dashboard the server serves: build it first when `dashboard/dist`
 * is missing or older than its sources (parallel test files wait for one build).
 */
export function buildDashboard(): void {
  ensureDashboardBuilt(() => {});
}
