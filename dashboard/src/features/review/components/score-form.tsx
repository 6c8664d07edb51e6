import { useEffect, useRef, useState } from 'react';
import { shortcutFor } from '../lib/shortcuts';

/**
 * Pass or fail per sub-metric (every one starts at pass: most items pass, so a reviewer only flips
 * what is wrong), an optional corrected response, and the keys that drive it. Gold = every one passes.
 */
export function ScoreForm({
  metrics,
  busy,
  onSubmit,
  onSkip,
}: {
  metrics: string[];
  busy: boolean;
  onSubmit(labels: Record<string, boolean>, correction: string): void;
  onSkip(): void;
}) {
  const [labels, setLabels] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(metrics.map((m) => [m, true])),
  );
  const [correction, setCorrection] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const flip = (metric: string) => setLabels((l) => ({ ...l, [metric]: !l[metric] }));
  const submit = () => {
    if (!busy) onSubmit(labels, correcting ? correction : '');
  };

  // The latest handlers, so the one key listener never reads stale state.
  const handlers = useRef({ flip, submit, onSkip, metrics });
  handlers.current = { flip, submit, onSkip, metrics };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inText = target?.tagName === 'TEXTAREA' || target?.tagName === 'INPUT';
      const h = handlers.current;
      const action = shortcutFor(e, inText, h.metrics.length);
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'toggle') h.flip(h.metrics[action.index]!);
      else if (action.kind === 'submit') h.submit();
      else if (action.kind === 'skip') h.onSkip();
      else setCorrecting(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (correcting) textRef.current?.focus();
  }, [correcting]);

  const gold = metrics.every((m) => labels[m]);
  return (
    <form
      className="score-form"
      data-testid="score-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="score-metrics">
        <legend>Sub-metrics</legend>
        {metrics.map((m, i) => (
          <div key={m} className="score-metric" data-testid={`metric-${m}`}>
            <span className="score-key" aria-hidden="true">
              {i + 1}
            </span>
            <span className="score-name">{m}</span>
            <button
              type="button"
              aria-pressed={labels[m]}
              className={labels[m] ? 'score-pass score-on' : 'score-pass'}
              onClick={() => setLabels((l) => ({ ...l, [m]: true }))}
            >
              Pass
            </button>
            <button
              type="button"
              aria-pressed={!labels[m]}
              className={labels[m] ? 'score-fail' : 'score-fail score-on'}
              onClick={() => setLabels((l) => ({ ...l, [m]: false }))}
            >
              Fail
            </button>
          </div>
        ))}
      </fieldset>
      <p className="muted" data-testid="score-verdict">
        {gold ? 'Gold: passes every sub-metric.' : 'Not gold: a sub-metric fails.'}
      </p>
      {correcting ? (
        <label className="score-correction">
          Corrected response{' '}
          <span className="muted">(what the model should have said; becomes a gold example)</span>
          <textarea
            ref={textRef}
            rows={5}
            value={correction}
            data-testid="correction"
            onChange={(e) => setCorrection(e.target.value)}
          />
        </label>
      ) : (
        <button type="button" className="link-button" onClick={() => setCorrecting(true)}>
          Write a corrected response (c)
        </button>
      )}
      <div className="score-actions">
        <button type="submit" disabled={busy} data-testid="submit-review">
          Submit and next (Enter)
        </button>
        <button type="button" disabled={busy} onClick={onSkip} data-testid="skip-review">
          Skip (n)
        </button>
      </div>
      <p className="muted score-keys">
        Keys: 1–{metrics.length} flip a sub-metric · c correct · Enter submit (Ctrl+Enter in the text) · n
        skip
      </p>
    </form>
  );
}
