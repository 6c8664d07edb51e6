import '../../../styles/explore.css';
import { useScope } from '../../../app/scope-context';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { formatCount } from '../../../shared/lib/format';
import { useInteractions } from '../hooks/use-interactions';
import { explorerQuery, exportQuery } from '../lib/explorer-query';
import { CsvExportLink } from './csv-export-link';
import { ExplorerFilters } from './explorer-filters';
import { FilterChips } from './filter-chips';
import { InteractionTable } from './interaction-table';

export function ExplorerPage() {
  const scope = useScope();
  const { get, set } = useUrlParams();
  const query = explorerQuery(get, scope);
  const interactions = useInteractions(query);
  const versions = scope.workload
    ? (scope.versions[scope.workload] ?? [])
    : [...new Set(Object.values(scope.versions).flat())].sort();
  return (
    <div className="page">
      <h1>Explorer</h1>
      <ExplorerFilters versions={versions} />
      <FilterChips />
      <Panel
        title="Interactions"
        wide
        help="Newest first. Open one to see its prompt, response, signals, checks and gate verdict."
        actions={<CsvExportLink query={exportQuery(query)} />}
      >
        <ResourceView resource={interactions} what="interactions">
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No interaction matches these filters in {scope.range.label}.</Empty>
            ) : (
              <>
                <p className="muted" data-testid="interaction-count" data-total={page.total}>
                  {formatCount(page.total)} interaction{page.total === 1 ? '' : 's'} match
                  {page.total === 1 ? 'es' : ''} · showing {formatCount(page.items.length)}
                </p>
                <InteractionTable items={page.items} />
                <nav className="pager" aria-label="pages of interactions">
                  <button
                    type="button"
                    className="button"
                    disabled={!page.prevCursor}
                    onClick={() => set({ cursor: null })}
                  >
                    Newest
                  </button>
                  <button
                    type="button"
                    className="button"
                    data-testid="page-newer"
                    disabled={!page.prevCursor}
                    onClick={() => set({ cursor: page.prevCursor })}
                  >
                    ← Newer
                  </button>
                  <button
                    type="button"
                    className="button"
                    data-testid="page-older"
                    disabled={!page.nextCursor}
                    onClick={() => set({ cursor: page.nextCursor })}
                  >
                    Older →
                  </button>
                </nav>
              </>
            )
          }
        </ResourceView>
      </Panel>
    </div>
  );
}
