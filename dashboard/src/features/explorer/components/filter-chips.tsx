import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { gateReasonText, isGateReason } from '../../../shared/lib/gate-reasons';

/**
 * Filters a link brought along that have no picker of their own: the gate's rejection reason, from the
 * Velocity page's "Why the gate rejects" table. Each is a chip naming what it selects, removed with its
 * button (which also drops the page cursor, as every filter change does).
 */
export function FilterChips() {
  const { get, set } = useUrlParams();
  const reason = get('gateReason');
  if (!reason) return null;
  const known = isGateReason(reason);
  return (
    <ul className="chips" aria-label="filters from the link" data-testid="filter-chips">
      <li className="chip" data-testid="chip-gateReason" data-value={reason}>
        {known ? (
          <>
            rejected by the gate: <strong>{gateReasonText(reason)}</strong>
          </>
        ) : (
          <>“{reason}” is no reason the gate has, so it filters nothing</>
        )}
        <button
          type="button"
          className="chip-remove"
          aria-label={`remove the filter ${known ? gateReasonText(reason) : reason}`}
          onClick={() => set({ gateReason: null, cursor: null })}
        >
          ×
        </button>
      </li>
    </ul>
  );
}
