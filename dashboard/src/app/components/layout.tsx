import { NavLink, Outlet, useLocation } from 'react-router';
import { KeyPrompt } from '../../features/auth/components/key-prompt';
import { ErrorState, Loading, NoDataYet } from '../../shared/components/states';
import { globalSearch } from '../../shared/hooks/use-url-params';
import { formatDateTime } from '../../shared/lib/format';
import { useScope } from '../scope-context';
import { RangePicker } from './range-picker';
import { WorkloadPicker } from './workload-picker';

const PAGES = [
  { to: '/', label: 'Overview', end: true },
  { to: '/velocity', label: 'Velocity', end: false },
  { to: '/cycles', label: 'Cycles', end: false },
  { to: '/checks', label: 'Checks', end: false },
  { to: '/alarms', label: 'Alarms', end: false },
  { to: '/explorer', label: 'Explorer', end: false },
  { to: '/review', label: 'Review', end: false },
] as const;

export function Layout() {
  const scope = useScope();
  const location = useLocation();
  const keep = globalSearch(new URLSearchParams(location.search));

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◔
          </span>
          Flywheel
        </div>
        <nav className="nav" aria-label="pages">
          {PAGES.map((page) => (
            <NavLink key={page.to} to={`${page.to}${keep}`} end={page.end}>
              {page.label}
            </NavLink>
          ))}
        </nav>
        <div className="filters">
          <WorkloadPicker />
          <RangePicker />
        </div>
      </header>
      <KeyPrompt />
      <main className="main">
        {scope.latestEventMs !== null ? (
          <p className="asof">
            Data up to {formatDateTime(scope.latestEventMs)} · showing {scope.range.label}
            {scope.workload ? ` · workload ${scope.workload}` : ''}
          </p>
        ) : null}
        {scope.loading ? (
          <Loading what="your project" />
        ) : scope.error ? (
          <ErrorState error={scope.error} what="the project" />
        ) : scope.empty ? (
          <NoDataYet />
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}
