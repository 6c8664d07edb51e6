import { useMemo } from 'react';
import { useScope } from '../../../app/scope-context';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { formatCount } from '../../../shared/lib/format';
import { useInteractions } from '../hooks/use-interactions';
import { explorerQuery } from '../lib/explorer-query';
import { ExplorerFilters } from './explorer-filters';
import { InteractionTable } from './interaction-table';

export function ExplorerPage() {
  const scope = useScope();
  const { get } = useUrlParams();
  const query = explorerQuery(get, scope);
  const interactions = useInteractions(query);
  const versions = useMemo(
    () =>
      interactions.state === 'ready' ? [...new Set(interactions.data.map((i) => i.modelVersion))].sort() : [],
    [interactions],
  );
  return (
    <div className="page">
      <h1>Explorer</h1>
      <ExplorerFilters versions={versions} />
      <Panel
        title="Interactions"
        wide
        help="Newest first. Open one to see its prompt, response, signals, checks and gate verdict."
      >
        <ResourceView resource={interactions} what="interactions">
          {(items) =>
            items.length === 0 ? (
              <Empty>No interaction matches these filters in {scope.range.label}.</Empty>
            ) : (
              <>
                <p className="muted" data-testid="interaction-count">
                  {formatCount(items.length)} interaction{items.length === 1 ? '' : 's'}
                  {items.length === query.limit
                    ? ` (the newest ${query.limit}; narrow the filters to see older ones)`
                    : ''}
                </p>
                <InteractionTable items={items} />
              </>
            )
          }
        </ResourceView>
      </Panel>
    </div>
  );
}
