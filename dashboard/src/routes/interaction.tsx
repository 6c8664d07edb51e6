import { InteractionPage } from '../features/explorer/components/interaction-page';

export function InteractionRoute() {
  return <InteractionPage />;
}
