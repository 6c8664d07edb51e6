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
  pipelineNodes = 0;
  judgments = 0;
  messageEvents = 0;
  skippedLogRecords = 0;
  rejectedLogRecords = 0;

  /** @param refusedSpans spans whose rows storage refused after normalization accepted them. */
  record(batch: BatchCounts, refusedSpans = 0): void {
    this.interactions += batch.interactions;
    this.signals += batch.signals;
    this.skippedSpans += batch.skipped;
    this.rejectedSpans += batch.rejected + refusedSpans;
  }

  /** Rows of the detail tables: pipeline nodes, judgments, the messages of calls carried by events. */
  recordDetails(nodes: number, judgments: number, messages: number): void {
    this.pipelineNodes += nodes;
    this.judgments += judgments;
    this.messageEvents += messages;
  }

  /** What `/v1/logs` made of a request's records. */
  recordLogs(signals: number, skipped: number, rejected: number): void {
    this.signals += signals;
    this.skippedLogRecords += skipped;
    this.rejectedLogRecords += rejected;
  }

  snapshot(): Record<string, number> {
    return {
      interactions: this.interactions,
      signals: this.signals,
      skippedSpans: this.skippedSpans,
      rejectedSpans: this.rejectedSpans,
      pipelineNodes: this.pipelineNodes,
      judgments: this.judgments,
      messageEvents: this.messageEvents,
      skippedLogRecords: this.skippedLogRecords,
      rejectedLogRecords: this.rejectedLogRecords,
    };
  }
}
