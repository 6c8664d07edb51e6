import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import { Loading } from '../shared/components/states';
import { ApiProvider } from './api-context';
import { Layout } from './components/layout';
import { ScopeProvider } from './scope-context';

function Shell() {
  return (
    <ScopeProvider>
      <Layout />
    </ScopeProvider>
  );
}

/**
 * A page loaded with its own code on first visit: a cold load parses the shell and one page, not all
 * ten and every chart. The page's code starts loading with the shell (`preload`, below), not after the
 * shell's first request, so splitting adds no step to a cold load.
 */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'element' | 'handle'> {
  let loading: Promise<ComponentType> | undefined;
  const preload = () => (loading ??= load());
  const Page = lazy(async () => ({ default: await preload() }));
  return {
    element: (
      <Suspense fallback={<Loading what="page" />}>
        <Page />
      </Suspense>
    ),
    handle: { preload },
  };
}

// URL scheme (alarm links point into it; see docs/dashboard.md): every filter is a query parameter.
const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, ...page(async () => (await import('../routes/overview')).OverviewRoute) },
      { path: 'velocity', ...page(async () => (await import('../routes/velocity')).VelocityRoute) },
      { path: 'cycles', ...page(async () => (await import('../routes/cycles')).CyclesRoute) },
      { path: 'compare', ...page(async () => (await import('../routes/compare')).CompareRoute) },
      { path: 'checks', ...page(async () => (await import('../routes/checks')).ChecksRoute) },
      { path: 'alarms', ...page(async () => (await import('../routes/alarms')).AlarmsRoute) },
      { path: 'explorer', ...page(async () => (await import('../routes/explorer')).ExplorerRoute) },
      {
        path: 'explorer/:requestId',
        ...page(async () => (await import('../routes/interaction')).InteractionRoute),
      },
      { path: 'review', ...page(async () => (await import('../routes/review')).ReviewRoute) },
      { path: '*', ...page(async () => (await import('../routes/not-found')).NotFoundRoute) },
    ],
  },
];
const router = createBrowserRouter(routes);
for (const match of matchRoutes(routes, window.location) ?? [])
  (match.route.handle as { preload?: () => unknown } | undefined)?.preload?.();

export function App() {
  return (
    <ApiProvider>
      <RouterProvider router={router} />
    </ApiProvider>
  );
}
