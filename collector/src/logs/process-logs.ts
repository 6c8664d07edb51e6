import { encodeDetails, type EncodedDetails } from '../details';
import { normalizeLogs } from '../normalize/logs';
import type { OtlpEncoding } from '../otlp/body';
import { decodeLogsJson, decodeLogsProtobuf } from '../otlp/decode-logs';
import { redactSignal } from '../protect';
import { encodeTable, type EncodedRows } from '../writer/encoded-rows';

/** What became of a `/v1/logs` body's records, with the rows to store already encoded. */
export interface ProcessedLogs {
  rows: EncodedRows;
  details: EncodedDetails;
  signals: number;
  judgments: number;
  messages: number;
  skipped: number;
  rejected: number;
  errors: string[];
}

/**
 * Decode, normalize, redact and encode a logs body. It runs on the event loop: GenAI and feedback events
 * are small beside the spans of `/v1/traces` (no content checks run on them), and the body is bounded
 * by the same size limit and admission. A body that cannot be decoded throws OtlpRequestError (400).
 */
export function processLogsBody(body: Uint8Array, encoding: OtlpEncoding, projectId: string): ProcessedLogs {
  const decoded = encoding === 'protobuf' ? decodeLogsProtobuf(body) : decodeLogsJson(body);
  const logs = normalizeLogs(decoded, projectId);
  const signals = logs.signals.map(redactSignal);
  return {
    rows: { interactions: encodeTable([]), signals: encodeTable(signals) },
    details: encodeDetails({ nodes: [], judgments: logs.judgments, messages: logs.messages }),
    signals: signals.length,
    judgments: logs.judgments.length,
    messages: logs.messages.length,
    skipped: logs.skipped,
    rejected: logs.rejected,
    errors: logs.errors,
  };
}
