import type { ClickHouseClient } from '@flywheel/storage';
import { eventTimeToMicros, MICROS_PER_DAY, microsToEventTime } from '../analytics/time';
import type { GateConfig } from '../queries/gate';
import { signalsAroundSql } from '../queries/outcome';
import { signalWindowParam } from '../queries/outcomes';
import { gateKey } from './gate-key';
import { gateContextParams } from './gate-rows';
import { gatePrefix } from './gate-seals';
import { currentSealParams, type SealedDay } from './seals';
import type { Interval } from './split';

/** A gate read split into sealed days, raw intervals and the raw tail that stands for recent history. */
export interface GatePlan {
  key: string;
  /** Sealed days whose verdicts are final at asOf: their firsts stand in for history. */
  history: SealedDay[];
  /** Whole days of [from, to) among `history`, read from `daily_gate`. */
  sealed: SealedDay[];
  /** With `cutDays`, the days of `history` the range cuts: read from `gate_rows`, bounded by time. */
  cut: SealedDay[];
  /** The rest of [from, to), computed from raw rows. */
  raw: Interval[];
  /** Start of the first day after `history` (raw rows from here to `to` are history), or null. */
  tail: string | null;
}

const dayMicros = (day: string) => eventTimeToMicros(`${day} 00:00:00.000000`);

/**
 * Plans a gate read under `config` for a workload ('' = all): the sealed key that applies (the
 * workload's own scope, else the project-wide one), the sealed days usable as of asOf — a prefix of the
 * project's days whose window has closed by asOf, so that every verdict in it is final — and the raw
 * rest. Thresholds nobody stored find no seals: everything is raw, as in the reference. With `cutDays`,
 * the history days the range cuts are listed in `cut`, for the reader to take from `gate_rows` bounded
 * by the range's times, instead of being computed from raw rows.
 */
export async function planGateRead(
  client: ClickHouseClient,
  w: { projectId: string; workload: string; from: string; to: string; asOf: string; config: GateConfig },
  options: { cutDays?: boolean } = {},
): Promise<GatePlan> {
  const windowSeconds = signalWindowParam(w.config.signalWindowHours).signalWindowSeconds;
  const prefixOf = async (scope: string) => {
    const key = gateKey(w.config, scope);
    return { key, ...(await gatePrefix(client, w.projectId, key, windowSeconds)) };
  };
  // A workload without seals of its own reads the project-wide ones: both prefixes are asked at once,
  // since asking the second only after the first came back empty cost a round trip on every such read.
  const [own, shared] = await Promise.all([
    prefixOf(w.workload),
    w.workload ? prefixOf('') : Promise.resolve(null),
  ]);
  const found = shared && own.sealed.length === 0 ? shared : own;
  const asOf = eventTimeToMicros(w.asOf);
  const window = BigInt(windowSeconds) * 1_000_000n;
  const closed = found.sealed.findIndex((s) => dayMicros(s.day) + MICROS_PER_DAY + window > asOf);
  const history = closed < 0 ? found.sealed : found.sealed.slice(0, closed);
  const next = closed < 0 ? found.unsealed[0]?.day : found.sealed[closed]!.day;
  const from = eventTimeToMicros(w.from);
  const to = eventTimeToMicros(w.to);
  const whole = (s: SealedDay) => dayMicros(s.day) >= from && dayMicros(s.day) + MICROS_PER_DAY <= to;
  const cut = options.cutDays
    ? history.filter((s) => !whole(s) && dayMicros(s.day) < to && dayMicros(s.day) + MICROS_PER_DAY > from)
    : [];
  const sealed = history.filter(whole);
  const read = [...sealed, ...cut].sort((a, b) => (a.day < b.day ? -1 : 1));
  const raw: Interval[] = [];
  let cursor = from;
  for (const s of read) {
    if (dayMicros(s.day) > cursor)
      raw.push({ from: microsToEventTime(cursor), to: `${s.day} 00:00:00.000000` });
    cursor = dayMicros(s.day) + MICROS_PER_DAY;
  }
  if (to > cursor) raw.push({ from: microsToEventTime(cursor), to: w.to });
  return { key: found.key, history, sealed, cut, raw, tail: next ? `${next} 00:00:00.000000` : null };
}

/**
 * SQL over `i.*` and over `signals`: the raw rows a plan computes — `targets` (SQL over `i.*`) and
 * every interaction of the tail before `{to}` that `tailFilter` (SQL over `i.*`) keeps: a reader that
 * needs the verdicts of a few rows keeps the tail rows sharing their duplicate keys, the only ones the
 * near-duplicate rule compares them with — and the signals that can count for them (`targetSignals`
 * narrows the signals of the targets). Params: `gatePlanParams`.
 */
export function gateRawSql(plan: GatePlan, targets: string, targetSignals: string, tailFilter = '1') {
  const tail = plan.tail ? `(i.time >= {gateTail:DateTime64(6, 'UTC')} AND (${tailFilter}))` : '0';
  return {
    rows: `i.project_id = {projectId:String}
      AND ({workload:String} = '' OR i.workload_id = {workload:String})
      AND i.time < {to:DateTime64(6, 'UTC')} AND ((${targets}) OR ${tail})`,
    signalFilter: plan.tail
      ? `(${targetSignals}) OR (${signalsAroundSql({ from: "{gateTail:DateTime64(6, 'UTC')}", to: "{to:DateTime64(6, 'UTC')}" })})`
      : targetSignals,
  };
}

/** SQL over `time` (for `i.time` pass a prefix): inside one of the plan's raw intervals. */
export function rawIntervalsSql(plan: GatePlan, prefix = ''): string {
  const ranges = plan.raw.map(
    (_, n) =>
      `(${prefix}time >= {gr${n}From:DateTime64(6, 'UTC')} AND ${prefix}time < {gr${n}To:DateTime64(6, 'UTC')})`,
  );
  return ranges.length > 0 ? ranges.join(' OR ') : '0';
}

/** SQL over `signals`: the signals that can count for the plan's raw intervals. */
export function rawIntervalSignalsSql(plan: GatePlan): string {
  const around = plan.raw.map(
    (_, n) =>
      `(${signalsAroundSql({ from: `{gr${n}From:DateTime64(6, 'UTC')}`, to: `{gr${n}To:DateTime64(6, 'UTC')}` })})`,
  );
  return around.length > 0 ? around.join(' OR ') : '0';
}

/** The params of a plan's SQL. */
export function gatePlanParams(plan: GatePlan): Record<string, unknown> {
  const params: Record<string, unknown> = {
    gateKey: plan.key,
    ...gateContextParams(plan.history),
    ...currentSealParams('sealedDays', 'sealedVersions', plan.sealed),
    ...currentSealParams('cutDays', 'cutVersions', plan.cut),
    gateTail: plan.tail ?? '1970-01-01 00:00:00.000000',
  };
  plan.raw.forEach((r, n) => {
    params[`gr${n}From`] = r.from;
    params[`gr${n}To`] = r.to;
  });
  return params;
}
