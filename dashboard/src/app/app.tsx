import { createBrowserRouter, RouterProvider } from 'react-router';
import { AlarmsRoute } from '../routes/alarms';
import { ChecksRoute } from '../routes/checks';
import { CompareRoute } from '../routes/compare';
import { CyclesRoute } from '../routes/cycles';
import { ExplorerRoute } from '../routes/explorer';
import { InteractionRoute } from '../routes/interaction';
import { NotFoundRoute } from '../routes/not-found';
import { OverviewRoute } from '../routes/overview';
import { ReviewRoute } from '../routes/review';
import { VelocityRoute } from '../routes/velocity';
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

// URL scheme (alarm links point into it; see docs/dashboard.md): every filter is a query parameter.
const router = createBrowserRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <OverviewRoute /> },
      { path: 'velocity', element: <VelocityRoute /> },
      { path: 'cycles', element: <CyclesRoute /> },
      { path: 'compare', element: <CompareRoute /> },
      { path: 'checks', element: <ChecksRoute /> },
      { path: 'alarms', element: <AlarmsRoute /> },
      { path: 'explorer', element: <ExplorerRoute /> },
      { path: 'explorer/:requestId', element: <InteractionRoute /> },
      { path: 'review', element: <ReviewRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function App() {
  return (
    <ApiProvider>
      <RouterProvider router={router} />
    </ApiProvider>
  );
}
