import type { ClickHouseClient } from '@flywheel/storage';

export interface SignalDetail {
  time: string;
  kind: string;
  value: number | null;
  correction: string;
  explicit: boolean;
  userId: string;
  source: string;
}

export interface RequestSignals {
  requestId: string;
  /** Signal kinds in event-time order. */
  kinds: string[];
  details: SignalDetail[];
}

/**
 * Every signal of the given requests, in time order, including those the outcome rule does not count
 * (after the signal window): the explorer shows what users did; the outcome is `listInteractions`'.
 */
export async function signalsForRequests(
  client: ClickHouseClient,
  projectId: string,
  requestIds: string[],
): Promise<RequestSignals[]> {
  if (requestIds.length === 0) return [];
  const result = await client.query({
    query: `
      SELECT
        request_id AS requestId,
        arraySort(x -> x.1, groupArray((formatDateTime(time, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC'), kind, value, correction, explicit, user_id, source))) AS events
      FROM signals FINAL
      WHERE project_id = {projectId:String} AND request_id IN {requestIds:Array(String)}
      GROUP BY request_id`,
    query_params: { projectId, requestIds },
    format: 'JSONEachRow',
  });
  type Event = [string, string, number | null, string, boolean | number, string, string];
  const rows = await result.json<{ requestId: string; events: Event[] }>();
  return rows.map((row) => {
    const details = row.events.map(([time, kind, value, correction, explicit, userId, source]) => ({
      time,
      kind,
      value,
      correction,
      explicit: Boolean(explicit),
      userId,
      source,
    }));
    return { requestId: row.requestId, kinds: details.map((d) => d.kind), details };
  });
}
