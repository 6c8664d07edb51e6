import { normalizedEditDistance } from '../signals/edit-distance';
import type { SignalKind } from '@flywheel/semconv';
import type { BrowserSignalOptions, BrowserSignals, BrowserSignalsOptions, WireSignal } from './types';

const SIGNALS_PATH = '/api/v1/signals';

function toIso(time: BrowserSignalOptions['time']): string | undefined {
  if (time === undefined) return undefined;
  const date = time instanceof Date ? time : new Date(time);
  if (Number.isNaN(date.getTime())) throw new TypeError('signal "time" is not a valid date');
  return date.toISOString();
}

function newId(): string | undefined {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return typeof crypto?.randomUUID === 'function' ? crypto.randomUUID() : undefined;
}

/**
 * Signals from the browser. Unlike the server-side functions these reject on failure (a network
 * error, or a non-2xx answer with its status and body), so the page decides whether to retry.
 */
export function createBrowserSignals(options: BrowserSignalsOptions): BrowserSignals {
  const url = `${options.endpoint.replace(/\/+$/, '')}${SIGNALS_PATH}`;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.apiKey !== undefined) headers.Authorization = `Bearer ${options.apiKey}`;

  async function send(signals: WireSignal[]): Promise<void> {
    const response = await doFetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ signals }),
      keepalive: options.keepalive ?? true,
    });
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      throw new Error(
        `Flywheel rejected the signals: HTTP ${response.status}${detail !== '' ? ` ${detail}` : ''}`,
      );
    }
  }

  function one(
    kind: SignalKind,
    requestId: string,
    extra: Partial<WireSignal> = {},
    signalOptions: BrowserSignalOptions = {},
  ): Promise<void> {
    if (typeof requestId !== 'string' || requestId === '') {
      return Promise.reject(new TypeError('signal "requestId" must be a non-empty string'));
    }
    let time: string | undefined;
    try {
      time = toIso(signalOptions.time);
    } catch (error) {
      return Promise.reject(error);
    }
    // A fresh id and the click's own time: a retried request is stored once, a second click twice.
    const signal: WireSignal = { requestId, kind, ...extra, time: time ?? new Date().toISOString() };
    const id = newId();
    if (id !== undefined) signal.id = id;
    if (signalOptions.userId !== undefined) signal.userId = signalOptions.userId;
    return send([signal]);
  }

  return {
    thumbsUp: (requestId, o) => one('thumbs_up', requestId, {}, o),
    thumbsDown: (requestId, o) => one('thumbs_down', requestId, {}, o),
    accept: (requestId, o) => one('accepted', requestId, {}, o),
    copy: (requestId, o) => one('copied', requestId, {}, o),
    edit: (requestId, texts, o) =>
      one(
        'edited',
        requestId,
        { value: normalizedEditDistance(texts.originalText, texts.finalText), correction: texts.finalText },
        o,
      ),
    correct: (requestId, correction, o) => one('corrected', requestId, { correction }, o),
    regenerate: (requestId, o) => one('regenerated', requestId, {}, o),
    earlyTermination: (requestId, o) => one('early_termination', requestId, {}, o),
    abandon: (requestId, o) => one('abandoned', requestId, {}, o),
    delete: (requestId, o) => one('deleted', requestId, {}, o),
    followUp: (requestId, o) => one('follow_up', requestId, {}, o),
    send,
  };
}
