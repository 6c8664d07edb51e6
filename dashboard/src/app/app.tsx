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
 * shell's first request, so splitting adds no step to a cold load. Once its code is here the page is
 * rendered directly, not through `lazy`: a lazy component suspends on its first render even when its
 * code has long arrived, and React holds a revealed Suspense boundary back for up to 300 ms — time
 * every page's first requests would wait, since they start when the page renders.
 */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'element' | 'handle'> {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Page() {
    const Loaded = loaded;
    if (Loaded) return <Loaded />;
    return (
      <Suspense fallback={<Loading what="page" />}>
        <Lazy />
      </Suspense>
    );
  }
  return { element: <Page />, handle: { preload } };
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
