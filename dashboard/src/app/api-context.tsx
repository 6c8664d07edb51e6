import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createApiClient, type ApiClient } from '../api/client';
import { readKey, writeKey } from '../features/auth/lib/key-store';
import { endpoints } from '../api/endpoints';
import { apiQueryOptions } from '../api/query-options';
import { createQueryClient } from './query-client';

export interface ApiContextValue {
  client: ApiClient;
  hasKey: boolean;
  /** True once a request was refused for a missing or wrong key. */
  needsKey: boolean;
  setKey(key: string | null): void;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/** The typed client with the pasted key, and the one cache of server data (TanStack Query). */
export function ApiProvider({ children, baseUrl }: { children: ReactNode; baseUrl?: string }) {
  const keyRef = useRef<string | null>(readKey());
  const [hasKey, setHasKey] = useState(keyRef.current !== null);
  const [needsKey, setNeedsKey] = useState(false);
  const client = useMemo(
    () => createApiClient({ ...(baseUrl !== undefined ? { baseUrl } : {}), getKey: () => keyRef.current }),
    [baseUrl],
  );
  const [queryClient] = useState(() => {
    const created = createQueryClient(() => setNeedsKey(true));
    // Every page waits for what data exists before asking for its own; asking now rather than once the
    // shell has rendered takes the shell's first render off that wait.
    void created.prefetchQuery(apiQueryOptions(client, endpoints.meta()));
    return created;
  });
  const setKey = useCallback(
    (key: string | null) => {
      const trimmed = key?.trim() || null;
      keyRef.current = trimmed;
      writeKey(trimmed);
      setHasKey(trimmed !== null);
      setNeedsKey(false);
      // Another key may be another project: nothing loaded with the old one is shown again, and what is
      // on screen loads anew.
      void queryClient.resetQueries();
    },
    [queryClient],
  );

  const value = useMemo<ApiContextValue>(
    () => ({ client, hasKey, needsKey, setKey }),
    [client, hasKey, needsKey, setKey],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
    </QueryClientProvider>
  );
}

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside <ApiProvider>');
  return value;
}
