/** What became of the calls to one endpoint during a run. */
export type EndpointStatus =
  | { state: 'ok'; calls: number }
  | { state: 'unavailable'; reason: string }
  | { state: 'rejected'; calls: number; error: string }
  | { state: 'skipped'; reason: string };

export type Endpoint =
  | 'cycles'
  | 'cycles.patch'
  | 'cycles.snapshot'
  | 'evals'
  | 'reviews'
  | 'judgments'
  | 'golden-sets'
  | 'datasets'
  | 'alarms.evaluate';

export interface CycleBody {
  id: string;
  workloadId: string;
  modelVersion: string;
  parentVersion?: string;
  dataWindow: { from: string; to: string };
  status: string;
  /** Omitted until the cycle is deployed. */
  deployedAt?: string;
}

export interface CyclePatch {
  status: string;
  deployedAt?: string;
  rolledBackAt?: string;
}

export interface EvalBody {
  modelVersion: string;
  goldenSet: string;
  score: number;
  n: number;
  time: string;
  workloadId: string;
}

export interface ReviewBody {
  requestId: string;
  reviewer: string;
  time: string;
  labels: { accuracy: boolean; helpfulness: boolean; safety: boolean };
}

export interface WindowedBody {
  workload: string;
  window: { from: string; to: string };
  at: string;
}

export interface GoldenSetBody extends WindowedBody {
  name: string;
  size: number;
}

export interface JudgmentBody {
  requestId: string;
  judgeId: string;
  metric: 'accuracy' | 'sycophancy';
  passed: boolean;
  score: number;
  time: string;
}

const BATCH = 1000;

const NOUNS: Record<Endpoint, string> = {
  cycles: 'cycles',
  'cycles.patch': 'cycle status changes',
  'cycles.snapshot': 'cycle snapshots',
  evals: 'evals',
  reviews: 'reviews',
  judgments: 'judgments',
  'golden-sets': 'golden sets',
  datasets: 'datasets',
  'alarms.evaluate': 'alarm evaluations',
};

/**
 * Registers cycles, evals, reviews and judgments through the API. An endpoint that answers 404 (not
 * built yet in this deployment) is noted once and skipped from then on: the ground truth still holds
 * everything, so a run works before and after those endpoints exist. Other refusals are logged once
 * per endpoint and the run carries on; the ground truth records them.
 */
export class FlywheelApiClient {
  private readonly status = new Map<Endpoint, EndpointStatus>();

  constructor(
    private readonly baseUrl: string | null,
    private readonly apiKey: string | undefined,
    private readonly log: (line: string) => void,
  ) {}

  postCycle(body: CycleBody): Promise<void> {
    return this.call('cycles', 'POST', '/api/v1/cycles', body);
  }

  patchCycle(id: string, body: CyclePatch): Promise<void> {
    return this.call('cycles.patch', 'PATCH', `/api/v1/cycles/${encodeURIComponent(id)}`, body);
  }

  /** Freezes a cycle's training examples as of `at` (its snapshot: training volume, time to improvement). */
  postSnapshot(id: string, body: { at: string; lagDays: number }): Promise<void> {
    return this.call('cycles.snapshot', 'POST', `/api/v1/cycles/${encodeURIComponent(id)}/snapshot`, body);
  }

  postGoldenSet(body: GoldenSetBody): Promise<void> {
    return this.call('golden-sets', 'POST', '/api/v1/golden-sets', body);
  }

  postDataset(body: WindowedBody): Promise<void> {
    return this.call('datasets', 'POST', '/api/v1/datasets', body);
  }

  async postEvals(evals: EvalBody[]): Promise<void> {
    for (let i = 0; i < evals.length; i += BATCH) {
      await this.call('evals', 'POST', '/api/v1/evals', { evals: evals.slice(i, i + BATCH) });
    }
  }

  async postReviews(reviews: ReviewBody[]): Promise<void> {
    for (let i = 0; i < reviews.length; i += BATCH) {
      await this.call('reviews', 'POST', '/api/v1/reviews', { reviews: reviews.slice(i, i + BATCH) });
    }
  }

  async postJudgments(judgments: JudgmentBody[]): Promise<void> {
    for (let i = 0; i < judgments.length; i += BATCH) {
      await this.call('judgments', 'POST', '/api/v1/judgments', { judgments: judgments.slice(i, i + BATCH) });
    }
  }

  /** Runs the alarm evaluator as of an event time, as its schedule would have at that moment. */
  evaluateAlarms(asOf: string): Promise<void> {
    return this.call(
      'alarms.evaluate',
      'POST',
      `/api/v1/alarms/evaluate?asOf=${encodeURIComponent(asOf)}`,
      {},
    );
  }

  /** Per endpoint: registered, unavailable (404), refused, or skipped (no API URL). */
  report(): Record<Endpoint, EndpointStatus> {
    const endpoints: Endpoint[] = [
      'cycles',
      'cycles.patch',
      'cycles.snapshot',
      'evals',
      'reviews',
      'judgments',
      'golden-sets',
      'datasets',
      'alarms.evaluate',
    ];
    return Object.fromEntries(endpoints.map((e) => [e, this.status.get(e) ?? this.idle()])) as Record<
      Endpoint,
      EndpointStatus
    >;
  }

  private idle(): EndpointStatus {
    return this.baseUrl === null
      ? { state: 'skipped', reason: 'no API URL given' }
      : { state: 'ok', calls: 0 };
  }

  private async call(endpoint: Endpoint, method: string, path: string, body: unknown): Promise<void> {
    if (this.baseUrl === null) return;
    const current = this.status.get(endpoint);
    if (current?.state === 'unavailable') return;
    let response: Response;
    try {
      response = await fetchWithRetry(`${this.baseUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      this.refused(endpoint, `${method} ${path}: ${(error as Error).message}`);
      return;
    }
    if (response.ok) {
      await response.body?.cancel();
      const calls = current && 'calls' in current ? current.calls + 1 : 1;
      this.status.set(
        endpoint,
        current?.state === 'rejected' ? { ...current, calls } : { state: 'ok', calls },
      );
      return;
    }
    const text = (await response.text()).slice(0, 300);
    // The app's catch-all answers "no route for …": the endpoint does not exist in this deployment.
    if (response.status === 404 && text.includes('no route')) {
      const reason = `${method} ${path.replace(/\/cycles\/.+$/, '/cycles/{id}').replace(/\?.*$/, '')} answered 404`;
      this.status.set(endpoint, { state: 'unavailable', reason });
      this.log(`flywheel: ${reason}; ${NOUNS[endpoint]} are kept in the ground truth only`);
      return;
    }
    this.refused(endpoint, `${method} ${path} answered ${response.status}: ${text}`);
  }

  private refused(endpoint: Endpoint, error: string): void {
    const current = this.status.get(endpoint);
    if (current?.state !== 'rejected') this.log(`flywheel: ${error}`);
    const calls = current && 'calls' in current ? current.calls + 1 : 1;
    this.status.set(endpoint, {
      state: 'rejected',
      calls,
      error: current?.state === 'rejected' ? current.error : error,
    });
  }
}

// The API may be briefly overloaded while the collector commits a large batch.
async function fetchWithRetry(url: string, init: RequestInit, attempts = 4): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, init);
      if ((response.status === 429 || response.status === 503) && attempt < attempts) {
        await response.body?.cancel();
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
        continue;
      }
      return response;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}
