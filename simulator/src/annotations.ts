import { crc32 } from 'node:zlib';
import type { JudgmentBody, ReviewBody } from './api-client';
import { EXPECTED_GATE } from './gate';
import type { SimInteraction } from './internal-types';
import type { Rng } from './random';
import { DAY_MS, dayTime } from './timeline';
import type { SimulationPlan } from './types';

/** Share of reviewed items a second reviewer also reviews (the review queue's default overlap). */
const OVERLAP_SHARE = 0.1;

interface PendingReview {
  dueMs: number;
  interaction: SimInteraction;
}

/** Reviews and judge verdicts on a sample of the traffic, built from each interaction's hidden truth. */
export class AnnotationPlanner {
  private pending: PendingReview[] = [];
  private judgments: JudgmentBody[] = [];
  sampled = 0;
  posted = 0;
  /** Second reviews of the same item (the overlap), not counted in `posted`. */
  overlapped = 0;
  judged = 0;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly rng: Rng,
  ) {}

  /** Samples the day's interactions: reviews land days later, the judge runs within minutes. */
  observe(day: number, interactions: readonly SimInteraction[]): void {
    const rng = this.rng.fork('annotate', day);
    const { reviews, judges } = this.plan;
    for (const i of interactions) {
      const reviewed = isReviewSample(i, reviews.sampleRate);
      if (reviewed) {
        const delayDays = rng.uniform(reviews.delayDays[0], reviews.delayDays[1]);
        this.pending.push({ dueMs: i.startMs + Math.round(delayDays * DAY_MS), interaction: i });
        this.sampled++;
      }
      // The judge also scores the review queue, so judge–human agreement can be measured.
      if (rng.chance(judges.sampleRate) || reviewed) this.judgments.push(...this.judge(rng, i));
    }
    this.pending.sort((a, b) => a.dueMs - b.dueMs);
  }

  /** What reviewers and the judge finish by the end of `day`; reviews beyond the daily cap wait. */
  due(day: number): { reviews: ReviewBody[]; judgments: JudgmentBody[] } {
    const rng = this.rng.fork('review', day);
    // Its own stream, so the first reviews are drawn as they always were.
    const overlap = this.rng.fork('overlap', day);
    const endMs = dayTime(this.plan, day + 1);
    const cap = this.plan.reviews.maxPerDay ?? Number.POSITIVE_INFINITY;
    const reviews: ReviewBody[] = [];
    let done = 0;
    while (this.pending.length > 0 && this.pending[0]!.dueMs < endMs && done++ < cap) {
      const { dueMs, interaction } = this.pending.shift()!;
      // A review that waited in the backlog is done on the day it is reached, not when it was due.
      const timeMs = Math.max(dueMs, dayTime(this.plan, day, 9) + rng.int(0, 8 * 3_600_000));
      const review = this.review(rng, interaction, Math.min(timeMs, endMs - 1));
      reviews.push(review);
      this.posted++;
      // A share of items goes to a second reviewer, as the review queue's overlap does: their agreement.
      if (overlap.chance(OVERLAP_SHARE)) {
        const other = this.plan.reviews.reviewers.filter((r) => r !== review.reviewer);
        if (other.length > 0) {
          reviews.push({
            ...this.review(overlap, interaction, Date.parse(review.time)),
            reviewer: overlap.pick(other),
          });
          this.overlapped++;
        }
      }
    }
    const dueJudgments = this.judgments.filter((j) => Date.parse(j.time) < endMs);
    this.judgments = this.judgments.filter((j) => Date.parse(j.time) >= endMs);
    this.judged += dueJudgments.length;
    return { reviews, judgments: dueJudgments };
  }

  /** Sampled reviews not done by the end of the data: the backlog, and its oldest interaction's time. */
  backlog(): { count: number; oldestPendingMs: number | null } {
    const oldest = this.pending.reduce<number | null>(
      (m, p) => (m === null || p.interaction.startMs < m ? p.interaction.startMs : m),
      null,
    );
    return { count: this.pending.length, oldestPendingMs: oldest };
  }

  private review(rng: Rng, i: SimInteraction, timeMs: number): ReviewBody {
    const { reviews } = this.plan;
    return {
      requestId: i.requestId,
      reviewer: rng.pick(reviews.reviewers),
      time: new Date(timeMs).toISOString(),
      labels: {
        accuracy: rng.chance(reviews.reviewerError) ? !i.correct : i.correct,
        helpfulness: i.correct && !i.short,
        safety: !i.toxic,
      },
    };
  }

  private judge(rng: Rng, i: SimInteraction): JudgmentBody[] {
    const { judges } = this.plan;
    const time = new Date(i.startMs + i.latencyMs + rng.int(60_000, 30 * 60_000)).toISOString();
    const accurate = rng.chance(judges.agreement) ? i.correct : !i.correct;
    const flagged = i.sycophantic ? rng.chance(judges.sycophancyRecall) : rng.chance(0.03);
    return [
      {
        requestId: i.requestId,
        judgeId: judges.judgeId,
        metric: 'accuracy',
        passed: accurate,
        score: score(rng, accurate),
        time,
      },
      // For sycophancy, passed means "not sycophantic" and the score is how free of it the response is.
      {
        requestId: i.requestId,
        judgeId: judges.judgeId,
        metric: 'sycophancy',
        passed: !flagged,
        score: score(rng, !flagged),
        time,
      },
    ];
  }
}

/**
 * Flywheel's review queue holds gate-passed candidates whose request id's CRC-32 mod 100 is below the
 * sample percentage (deterministic, so any client can tell). Reviewers work that queue. Whether the
 * real gate passes an interaction depends on the collector's detectors, so every sampled interaction
 * whose deciding signal passes rule 1 is reviewed: a review of an interaction the gate rejected is harmless,
 * a queue item nobody reviews would look like a backlog.
 */
export function isReviewSample(
  i: Pick<SimInteraction, 'requestId' | 'decidingKind'>,
  sampleRate: number,
): boolean {
  if (i.decidingKind === null || !EXPECTED_GATE.allowedOutcomeKinds.includes(i.decidingKind)) return false;
  return crc32(Buffer.from(i.requestId, 'utf8')) % 100 < Math.round(sampleRate * 100);
}

function score(rng: Rng, passed: boolean): number {
  return Math.round((passed ? rng.uniform(0.6, 1) : rng.uniform(0, 0.4)) * 1000) / 1000;
}
