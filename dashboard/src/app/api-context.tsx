import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/client';
import { readKey, writeKey } from '../features/auth/lib/key-store';

export interface ApiContextValue {
  client: ApiClient;
  hasKey: boolean;
  /** Bumped whenever the key changes, so every resource reloads with the new key. */
  keyVersion: number;
  /** True once a request was refused for a missing or wrong key. */
  needsKey: boolean;
  setKey(key: string | null): void;
  reportUnauthorized(): void;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ children, baseUrl }: { children: ReactNode; baseUrl?: string }) {
  const keyRef = useRef<string | null>(readKey());
  const [keyVersion, setKeyVersion] = useState(0);
  const [needsKey, setNeedsKey] = useState(false);

  const client = useMemo(
    () => createApiClient({ ...(baseUrl !== undefined ? { baseUrl } : {}), getKey: () => keyRef.current }),
    [baseUrl],
  );
  const setKey = useCallback((key: string | null) => {
    const trimmed = key?.trim() || null;
    keyRef.current = trimmed;
    writeKey(trimmed);
    setNeedsKey(false);
    setKeyVersion((v) => v + 1);
  }, []);
  const reportUnauthorized = useCallback(() => setNeedsKey(true), []);

  const value = useMemo<ApiContextValue>(
    () => ({ client, hasKey: keyRef.current !== null, keyVersion, needsKey, setKey, reportUnauthorized }),
    [client, keyVersion, needsKey, setKey, reportUnauthorized],
  );
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside <ApiProvider>');
  return value;
}
