import { chunkedBody } from './chunked-body';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { DEFAULT_LAG_DAYS } from '../analytics/snapshots';
import { isoToEventTime } from '../analytics/time';
import { getDataset, listDatasetsRoute, exportDatasetRoute, postDataset } from '../contract/datasets';
import { createDataset, describeDataset, view } from '../curation/datasets';
import { exportDataset } from '../queries/dataset-export';
import { listDatasets } from '../queries/datasets';
import { DATASET_SOURCES } from '../queries/datasets';
import { badRequest, resolveAsOf } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

const CONTENT_TYPE = {
  sft: 'application/x-ndjson',
  dpo: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
} as const;
const EXTENSION = { sft: 'jsonl', dpo: 'jsonl', parquet: 'parquet' } as const;

/** `/api/v1/datasets`: freeze, list, describe and export training datasets (docs/design.md §9). */
export function datasetsRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  app.openapi(postDataset, async (c) => {
    const body = c.req.valid('json');
    const projectId = c.get('projectId');
    const from = isoToEventTime(body.window.from);
    const to = isoToEventTime(body.window.to);
    if (from >= to) badRequest('window.from: must be before window.to');
    const outcome = await createDataset(client, {
      projectId,
      kind: body.kind ?? 'training',
      workload: body.workload,
      from,
      to,
      at: await resolveAsOf(client, projectId, body.at),
      lagDays: body.lagDays ?? DEFAULT_LAG_DAYS,
      sources: body.sources ?? [...DATASET_SOURCES],
      validationShare: body.validationShare ?? 0.1,
      stratifyBy: body.stratifyBy ?? ['workload', 'language'],
      seed: body.seed ?? 0,
    });
    if (outcome.kind === 'lag') return badRequest(`window.to: ${outcome.message}`);
    return c.json({ dataset: outcome.dataset }, outcome.kind === 'created' ? 201 : 200);
  });

  app.openapi(listDatasetsRoute, async (c) => {
    const rows = await listDatasets(client, c.get('projectId'));
    return c.json({ datasets: rows.map(view) }, 200);
  });

  app.openapi(getDataset, async (c) => {
    const { id } = c.req.valid('param');
    const dataset = await describeDataset(client, c.get('projectId'), id);
    if (!dataset) return c.json({ error: `no dataset ${id}` }, 404);
    return c.json({ dataset }, 200);
  });

  app.openapi(exportDatasetRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format, split } = c.req.valid('query');
    const projectId = c.get('projectId');
    const [dataset] = await listDatasets(client, projectId, [id]);
    if (!dataset) return c.json({ error: `no dataset ${id}` }, 404);
    const stream = await exportDataset(client, format, {
      projectId,
      datasetId: id,
      split,
      workload: dataset.workload,
      from: dataset.from,
      to: dataset.to,
      at: dataset.at,
    });
    return new Response(chunkedBody(stream), {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPE[format],
        'content-disposition': `attachment; filename="${id}-${split}.${EXTENSION[format]}"`,
      },
    }) as never;
  });
  return app;
}
