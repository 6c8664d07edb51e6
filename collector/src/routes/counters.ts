/** What normalization made of a request's spans. */
export interface BatchCounts {
  interactions: number;
  signals: number;
  skipped: number;
  rejected: number;
}

/** Running totals of what the collector received, for /healthz and the shutdown report. */
export class IngestCounters {
  interactions = 0;
  signals = 0;
  skippedSpans = 0;
  rejectedSpans = 0;

  /** @param refusedSpans spans whose rows storage refused after normalization accepted them. */
  record(batch: BatchCounts, refusedSpans = 0): void {
    this.interactions += batch.interactions;
    this.signals += batch.signals;
    this.skippedSpans += batch.skipped;
    this.rejectedSpans += batch.rejected + refusedSpans;
  }

  snapshot(): Record<string, number> {
    return {
      interactions: this.interactions,
      signals: this.signals,
      skippedSpans: this.skippedSpans,
      rejectedSpans: this.rejectedSpans,
    };
  }
}
