// The key lives in sessionStorage: it survives a reload but not the tab, and never reaches a cookie.
const STORAGE_KEY = 'flywheel.apiKey';

export function readKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function writeKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the key then lasts until the page is closed, held in memory by the provider.
  }
}
