import type { ReactNode } from 'react';
import type { Resource } from '../lib/resource';
import { ErrorState, Loading } from './states';

/** Loading, error and "not in this version" states for one resource; `children` renders the data. */
export function ResourceView<T>({
  resource,
  what,
  children,
}: {
  resource: Resource<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (resource.state === 'loading') return <Loading what={what} />;
  if (resource.state === 'error') return <ErrorState error={resource.error} what={what} />;
  return <>{children(resource.data)}</>;
}
