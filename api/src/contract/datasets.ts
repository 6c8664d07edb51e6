import { createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_LAG_DAYS } from '../analytics/snapshots';
import { DATASET_SOURCES, STRATA } from '../queries/datasets';
import { apiErrors, count, errorBody, iso, json, jsonBody } from './common';
import { bodyInteger, bodyNumber, isoTime, name, UINT32_MAX } from './ranges';

const MAX_LAG_DAYS = 365;
const STRATUM_NAMES = Object.keys(STRATA) as [keyof typeof STRATA, ...Array<keyof typeof STRATA>];

export const datasetBody = z.strictObject({
  workload: name.describe('The workload whose interactions the dataset holds.'),
  window: z
    .strictObject({ from: isoTime, to: isoTime })
    .describe('Event-time window of the interactions, [from, to).'),
  at: isoTime
    .optional()
    .describe(
      "When the dataset is cut: signals and reviews as known then. Default: the project's latest event time.",
    ),
  lagDays: bodyNumber(0, MAX_LAG_DAYS)
    .optional()
    .describe(`Minimum days between the window's end and \`at\` (default ${DEFAULT_LAG_DAYS}).`),
  sources: z
    .array(z.enum(DATASET_SOURCES))
    .min(1)
    .max(DATASET_SOURCES.length)
    .refine((s) => new Set(s).size === s.length, 'must not repeat a source')
    .optional()
    .describe(
      'Which members qualify: gold (reviewed, every label passing), correction, gate_passed. Default: all.',
    ),
  validationShare: bodyNumber(0, 0.5)
    .optional()
    .describe('Share of each stratum held out for validation (default 0.1).'),
  stratifyBy: z
    .array(z.enum(STRATUM_NAMES))
    .max(STRATUM_NAMES.length)
    .refine((s) => new Set(s).size === s.length, 'must not repeat a column')
    .optional()
    .describe('Columns the split is stratified by (default workload and language).'),
  seed: bodyInteger(0, UINT32_MAX).optional().describe('Orders each stratum before the split (default 0).'),
  kind: z
    .enum(['training', 'golden'])
    .optional()
    .describe('golden: an eval set other datasets of the workload are checked against for leakage.'),
});

const splitCounts = z.array(z.object({ split: z.enum(['train', 'validation']), key: z.string(), count }));
const leak = z.object({
  sharedKeys: count.describe('Near-duplicate keys found on both sides'),
  requestIds: z.array(z.string()).describe('Up to 20 of this dataset’s members behind them'),
});

export const dataset = z.object({
  id: z.string(),
  kind: z.enum(['snapshot', 'training', 'golden']),
  cycleId: z.string().nullable(),
  workload: z.string(),
  dataWindow: z.object({ from: iso, to: iso }),
  at: iso,
  lagDays: z.number(),
  sources: z.array(z.string()),
  validationShare: z.number(),
  stratifyBy: z.array(z.string()),
  seed: count,
  size: z.object({ train: count, validation: count }),
});

export const datasetDetail = dataset.extend({
  counts: z.object({ bySource: splitCounts, byStratum: splitCounts }),
  leakage: z.object({
    trainValidation: leak,
    golden: leak.extend({ datasets: z.array(z.string()) }).nullable(),
  }),
});

export const datasetParams = z.strictObject({ id: name });

export const postDataset = createRoute({
  method: 'post',
  path: '/api/v1/datasets',
  operationId: 'postDataset',
  tags: ['Datasets'],
  summary: 'Freeze a training dataset',
  description:
    'Freezes the member request ids of a workload’s window: gold, correction and gate-passed interactions, one per near-duplicate group, split into train and validation per stratum by a seeded hash. The same body gives the same dataset (201 the first time, 200 after). Refused with 400 when the window ends less than lagDays before `at`.',
  request: { body: jsonBody(datasetBody) },
  responses: {
    201: json(z.object({ dataset }), 'Frozen'),
    200: json(z.object({ dataset }), 'Frozen before, with the same inputs'),
    ...apiErrors,
  },
});

export const listDatasetsRoute = createRoute({
  method: 'get',
  path: '/api/v1/datasets',
  operationId: 'listDatasets',
  tags: ['Datasets'],
  summary: 'The project’s datasets',
  description: 'Training and golden datasets and cycle snapshots, newest first, with their size per split.',
  responses: { 200: json(z.object({ datasets: z.array(dataset) }), 'Every dataset'), ...apiErrors },
});

export const getDataset = createRoute({
  method: 'get',
  path: '/api/v1/datasets/{id}',
  operationId: 'getDataset',
  tags: ['Datasets'],
  summary: 'One dataset, its counts and its leakage report',
  description:
    'Members by split and source and by split and stratum; near-duplicates shared between train and validation, and with the workload’s golden datasets where one exists.',
  request: { params: datasetParams },
  responses: {
    200: json(z.object({ dataset: datasetDetail }), 'The dataset'),
    404: json(errorBody, 'No such dataset in this project'),
    ...apiErrors,
  },
});

export const exportDatasetRoute = createRoute({
  method: 'get',
  path: '/api/v1/datasets/{id}/export',
  operationId: 'exportDataset',
  tags: ['Datasets'],
  summary: 'Export a split of a dataset',
  description:
    'sft: OpenAI chat fine-tuning JSONL (the correction replaces the response where one exists). dpo: TRL preference JSONL, conversational (corrections, regenerations, thumbs on the same prompt; chosen ≠ rejected). parquet: one row per member, written by the engine. Redacted text only; the same dataset exports to the same bytes.',
  request: {
    params: datasetParams,
    query: z.strictObject({
      format: z.enum(['sft', 'dpo', 'parquet']).default('sft'),
      split: z.enum(['train', 'validation']).default('train'),
    }),
  },
  responses: {
    200: {
      description: 'The export, streamed',
      content: {
        'application/x-ndjson': { schema: z.string() },
        'application/vnd.apache.parquet': { schema: z.string().describe('binary') },
      },
    },
    404: json(errorBody, 'No such dataset in this project'),
    ...apiErrors,
  },
});
