import type { Outside } from '../lib/alarm-window';

/** "1 resolved alarm earlier — show 90 days": what an empty range hides, one click away. */
export function OutsideRange({ outside, onShow }: { outside: Outside; onShow: () => void }) {
  return (
    <span className="outside-range" data-testid="alarms-outside-range">
      {' '}
      {outside.earlier} resolved alarm{outside.earlier === 1 ? '' : 's'} earlier —{' '}
      <button type="button" className="link-button" onClick={onShow}>
        show {outside.label}
      </button>
    </span>
  );
}
