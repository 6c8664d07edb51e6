/**
 * @flywheel/instrumentation/browser — sends feedback signals from a web page to Flywheel's
 * `POST /api/v1/signals`. No Node.js dependencies; it only needs `fetch`.
 */
export { createBrowserSignals } from './browser-signals';
export type { BrowserSignals, BrowserSignalsOptions, BrowserSignalOptions, WireSignal } from './types';
