export { createDetailWriter, noDetails, refusedDetails } from './detail-writer';
export { DETAIL_TABLES, detailCount, encodeDetails } from './encoded-details';
export type { DetailObjects, DetailTable, EncodedDetails } from './encoded-details';
