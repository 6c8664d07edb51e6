import type { ChecksConfig } from '../content-checks';
import { encodeDetails, type EncodedDetails } from '../details/encoded-details';
import { normalize } from '../normalize';
import type { OtlpEncoding } from '../otlp/body';
import { decodeJson, decodeProtobuf } from '../otlp/decode';
import { OtlpRequestError } from '../otlp/errors';
import { protectBatch } from '../protect';
import { encodeTable, type EncodedRows } from '../writer/encoded-rows';

/** One request body to turn into rows: what the route hands a worker. */
export interface BodyTask {
  body: Uint8Array;
  encoding: OtlpEncoding;
  projectId: string;
  checks?: ChecksConfig;
}

/** What became of a body's spans, with the rows to store already encoded. */
export interface ProcessedBody {
  rows: EncodedRows;
  /** Pipeline nodes and judgments (the detail tables), written beside the rows. */
  details: EncodedDetails;
  interactions: number;
  signals: number;
  skipped: number;
  rejected: number;
  errors: string[];
}

/** A body that cannot be decoded is refused whole; the status and message cross threads as data. */
export type BodyResult =
  { processed: ProcessedBody } | { refused: { status: OtlpRequestError['status']; message: string } };

/**
 * The CPU-heavy part of `POST /v1/traces`, in one place so it can run on any thread: decode, normalize,
 * redact, check and encode. Nothing here touches the engine.
 */
export async function processBody(task: BodyTask): Promise<BodyResult> {
  let decoded;
  try {
    decoded = task.encoding === 'protobuf' ? decodeProtobuf(task.body) : decodeJson(task.body);
  } catch (error) {
    if (error instanceof OtlpRequestError)
      return { refused: { status: error.status, message: error.message } };
    throw error;
  }
  const batch = await protectBatch(normalize(decoded, task.projectId), task.checks);
  return {
    processed: {
      rows: { interactions: encodeTable(batch.interactions), signals: encodeTable(batch.signals) },
      details: encodeDetails({ nodes: batch.nodes, judgments: batch.judgments, messages: [] }),
      interactions: batch.interactions.length,
      signals: batch.signals.length,
      skipped: batch.skipped,
      rejected: batch.rejected,
      errors: batch.errors,
    },
  };
}
