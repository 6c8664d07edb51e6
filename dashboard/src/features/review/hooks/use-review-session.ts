import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReviewQueueItem } from '@flywheel/api';
import { ApiError } from '../../../api/errors';
import { useApi } from '../../../app/api-context';
import { reviewRequests } from '../lib/requests';

const REVIEWER_KEY = 'flywheel.reviewer';
/** Items leased per claim: a short batch, so a reviewer who leaves holds little. */
export const CLAIM_SIZE = 10;

export interface ReviewSession {
  reviewer: string;
  setReviewer(name: string): void;
  items: ReviewQueueItem[];
  /** Index of the item on screen; items.length once the batch is through. */
  index: number;
  reviewed: number;
  skipped: number;
  expiresAt: string | null;
  busy: boolean;
  error: string | null;
  claim(): Promise<void>;
  submit(labels: Record<string, boolean>, correction: string): Promise<void>;
  skip(): void;
}

function savedReviewer(): string {
  try {
    return localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** One reviewer's pass through a claimed batch: claim, score or skip each item, claim again. */
export function useReviewSession(workload: string | null): ReviewSession {
  const { client } = useApi();
  const queryClient = useQueryClient();
  const [reviewer, setReviewerState] = useState(savedReviewer);
  const [items, setItems] = useState<ReviewQueueItem[]>([]);
  const [index, setIndex] = useState(0);
  const [reviewed, setReviewed] = useState(0);
  const [skipped, setSkipped] = useState(0);
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const setReviewer = useCallback((name: string) => {
    setReviewerState(name);
    try {
      localStorage.setItem(REVIEWER_KEY, name);
    } catch {
      // Storage off: the name lasts for this page only.
    }
  }, []);

  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, []);

  const claim = useCallback(
    () =>
      run(async () => {
        const claimed = await client.send(
          reviewRequests.claim({
            reviewer: reviewer.trim(),
            limit: CLAIM_SIZE,
            ...(workload ? { workload } : {}),
          }),
        );
        setItems(claimed.items);
        setExpiresAt(claimed.expiresAt);
        setIndex(0);
      }),
    [client, reviewer, workload, run],
  );

  const submit = useCallback(
    (labels: Record<string, boolean>, correction: string) =>
      run(async () => {
        const item = items[index];
        if (!item) return;
        await client.send(
          reviewRequests.submit({
            requestId: item.requestId,
            reviewer: reviewer.trim(),
            labels: labels as { accuracy: boolean; helpfulness: boolean; safety: boolean },
            ...(correction.trim() ? { correction } : {}),
          }),
        );
        setReviewed((n) => n + 1);
        setIndex((i) => i + 1);
        // Agreement and the gate's calibration include this review from now on.
        void queryClient.invalidateQueries({ queryKey: ['/api/v1/reviews/agreement'] });
      }),
    [client, items, index, reviewer, queryClient, run],
  );

  const skip = useCallback(() => {
    setSkipped((n) => n + 1);
    setIndex((i) => Math.min(i + 1, items.length));
  }, [items.length]);

  return {
    reviewer,
    setReviewer,
    items,
    index,
    reviewed,
    skipped,
    expiresAt,
    busy,
    error,
    claim,
    submit,
    skip,
  };
}
