import { ExplorerPage } from '../features/explorer/components/explorer-page';

export function ExplorerRoute() {
  return <ExplorerPage />;
}
