import type { ClickHouseClient } from '@flywheel/storage';
import { gateConfigFor } from '../analytics/gate-settings';
import { gateAgainstReviewers, reviewAgreement, type AgreementParams } from '../queries/review-agreement';

/** How far reviewers agree, and how well the automatic gate predicts their verdict (docs/design.md §9). */
export async function reviewCalibration(client: ClickHouseClient, p: Omit<AgreementParams, 'config'>) {
  const config = await gateConfigFor(client, p.projectId, p.workload);
  const [metrics, gate] = await Promise.all([
    reviewAgreement(client, { ...p, config }),
    gateAgainstReviewers(client, { ...p, config }),
  ]);
  return { metrics, gate };
}
