import { FlywheelApiClient } from './api-client';
import { AnnotationPlanner } from './annotations';
import { cycleEvents, type CycleEvent } from './cycles';
import { curationEvents, type CurationEvent } from './curation';
import { TrafficGenerator } from './generate';
import { Rng } from './random';
import { toRecord, type InteractionRecord } from './record';
import { OtlpSink } from './sink';
import { SpanRecorder } from './spans';
import { dayTime, isoDay } from './timeline';
import { groundTruthOf } from './truth/of-run';
import { TruthRecorder } from './truth/recorder';
import type { GroundTruth } from './truth/types';
import type { SimulationPlan } from './types';

export interface RunOptions {
  /** OTLP/HTTP base URL of the collector (`/v1/traces` is appended). */
  otlpUrl: string;
  /** API base URL for cycles, evals, reviews and judgments; without it they live only in the ground truth. */
  apiUrl?: string | null;
  apiKey?: string;
  /** Spans per OTLP request (default 2000) and requests in flight (default 2). */
  chunkSize?: number;
  concurrency?: number;
  /** Minimum wall-clock milliseconds per simulated day, to pace a demo; 0 sends as fast as ingest allows. */
  msPerDay?: number;
  onProgress?: (progress: SimulationProgress) => void;
  signal?: AbortSignal;
  /**
   * Every this many simulated days, run the API's alarm evaluator as of that day's end, as its schedule
   * would have in real time, so alarms fire and resolve along the way. Each evaluation waits until the
   * day's spans are committed, without holding up the stream. 0 or absent: never.
   */
  evaluateAlarmsEveryDays?: number;
  /** Return one record per interaction (for tests; costs memory on long runs). */
  keepInteractions?: boolean;
  log?: (line: string) => void;
}

export interface SimulationProgress {
  day: number;
  days: number;
  interactions: number;
  spansSent: number;
}

export interface SimulationResult {
  groundTruth: GroundTruth;
  interactions: InteractionRecord[];
  spans: number;
  elapsedMs: number;
}

// Spans are handed to the exporter in slices of this many interactions, so a day's spans never pile up.
const SLICE = 500;

/** Generates the plan's traffic day by day and sends it through OTLP (and the API) to a running Flywheel. */
export async function runSimulation(plan: SimulationPlan, options: RunOptions): Promise<SimulationResult> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => console.error(line));
  const generator = new TrafficGenerator(plan);
  const recorder = new TruthRecorder(plan.drift?.day ?? null);
  const annotations = new AnnotationPlanner(plan, new Rng(plan.seed, plan.scenario, 'annotations'));
  const api = new FlywheelApiClient(options.apiUrl ?? null, options.apiKey, log);
  const spans = new SpanRecorder(plan.seed, plan.idPrefix);
  const sink = new OtlpSink({
    url: options.otlpUrl,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const evaluations = new AlarmSchedule(api, options.apiUrl ? (options.evaluateAlarmsEveryDays ?? 0) : 0);
  const events: Array<CycleEvent | CurationEvent> = [...cycleEvents(plan), ...curationEvents(plan)]
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].atMs - b[0].atMs || a[1] - b[1])
    .map(([e]) => e);
  let nextEvent = 0;
  let total = 0;
  const records: InteractionRecord[] = [];

  try {
    for (let day = 0; day < plan.days; day++) {
      const dayStarted = Date.now();
      if (options.signal?.aborted) throw new Error('simulation stopped');
      const interactions = generator.generateDay(day);
      recorder.recordDay(isoDay(dayTime(plan, day)), day, interactions);
      for (let i = 0; i < interactions.length; i += SLICE) {
        for (const interaction of interactions.slice(i, i + SLICE)) spans.record(interaction);
        await sink.add(spans.take());
      }
      annotations.observe(day, interactions);
      if (options.keepInteractions) records.push(...interactions.map(toRecord));
      total += interactions.length;

      const endMs = dayTime(plan, day + 1);
      while (nextEvent < events.length && events[nextEvent]!.atMs < endMs)
        await apply(api, events[nextEvent++]!);
      const due = annotations.due(day);
      await api.postReviews(due.reviews);
      await api.postJudgments(due.judgments);
      evaluations.dayDone(day, endMs, sink.added);
      evaluations.release(sink.committed);

      options.onProgress?.({ day: day + 1, days: plan.days, interactions: total, spansSent: sink.exported });
      const rest = (options.msPerDay ?? 0) - (Date.now() - dayStarted);
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }
    await sink.flush();
    evaluations.release(sink.committed);
    await evaluations.idle();
    options.onProgress?.({ day: plan.days, days: plan.days, interactions: total, spansSent: sink.exported });
  } finally {
    await spans.shutdown();
    await sink.shutdown();
  }

  const groundTruth = groundTruthOf(plan, recorder, generator, annotations, api.report());
  return { groundTruth, interactions: records, spans: sink.exported, elapsedMs: Date.now() - started };
}

/** Alarm evaluations in event time, each started once the spans up to its day are committed. */
class AlarmSchedule {
  private readonly pending: Array<{ asOf: string; spans: number }> = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: FlywheelApiClient,
    private readonly everyDays: number,
  ) {}

  dayDone(day: number, endMs: number, spansSoFar: number): void {
    if (this.everyDays > 0 && (day + 1) % this.everyDays === 0) {
      this.pending.push({ asOf: new Date(endMs).toISOString(), spans: spansSoFar });
    }
  }

  /** Starts, in order, the evaluations whose spans are all committed. */
  release(committed: number): void {
    while (this.pending.length > 0 && this.pending[0]!.spans <= committed) {
      const { asOf } = this.pending.shift()!;
      this.chain = this.chain.then(() => this.api.evaluateAlarms(asOf));
    }
  }

  idle(): Promise<void> {
    return this.chain;
  }
}

async function apply(api: FlywheelApiClient, event: CycleEvent | CurationEvent): Promise<void> {
  if (event.kind === 'post') await api.postCycle(event.body);
  else if (event.kind === 'patch') await api.patchCycle(event.id, event.body);
  else if (event.kind === 'snapshot')
    await api.postSnapshot(event.id, { at: event.at, lagDays: event.lagDays });
  else if (event.kind === 'golden-set') await api.postGoldenSet(event.body);
  else if (event.kind === 'dataset') await api.postDataset(event.body);
  else await api.postEvals(event.evals);
}
