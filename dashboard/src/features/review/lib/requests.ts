import type { ReviewAgreement, ReviewClaim, ReviewClaimRequest, Review } from '@flywheel/api';
import { sentQuery, type ApiRequest } from '../../../api/client';

/** The Review page's requests: its reads go through the shared cache, its writes are POSTed once. */
export const reviewRequests = {
  agreement: (workload: string | null): ApiRequest<ReviewAgreement> => ({
    path: '/api/v1/reviews/agreement',
    query: sentQuery({ workload }),
    read: (body) => body as ReviewAgreement,
  }),
  claim: (body: ReviewClaimRequest): ApiRequest<ReviewClaim> => ({
    path: '/api/v1/review-queue/claim',
    query: {},
    body,
    read: (response) => response as ReviewClaim,
  }),
  submit: (review: Review): ApiRequest<{ accepted: number }> => ({
    path: '/api/v1/reviews',
    query: {},
    body: review,
    read: (response) => response as { accepted: number },
  }),
};
