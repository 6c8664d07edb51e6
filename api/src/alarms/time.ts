/** Event times travel as DateTime64(6, 'UTC') text; detectors shift them by whole milliseconds. */
export function eventTimeToMs(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`);
}

export function msToEventTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

export function shiftEventTime(text: string, ms: number): string {
  return msToEventTime(eventTimeToMs(text) + ms);
}

export function eventTimeToIso(text: string): string {
  return `${text.replace(' ', 'T')}Z`;
}

export const DAY_MS = 24 * 3600 * 1000;
export const HOUR_MS = 3600 * 1000;
