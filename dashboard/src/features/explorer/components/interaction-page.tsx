import { Link, useLocation, useParams } from 'react-router';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useInteraction } from '../hooks/use-interactions';
import { InteractionDetail } from './interaction-detail';

export function InteractionPage() {
  const { requestId = '' } = useParams();
  const { search } = useLocation();
  const interaction = useInteraction(requestId);
  return (
    <div className="page">
      <p>
        <Link to={`/explorer${search}`}>← Back to interactions</Link>
      </p>
      <ResourceView resource={interaction} what="the interaction">
        {(item) =>
          item ? (
            <InteractionDetail item={item} />
          ) : (
            <Empty>No interaction with request id “{requestId}”.</Empty>
          )
        }
      </ResourceView>
    </div>
  );
}
