/** What a key press on the Review page does; null when the key is not a shortcut there. */
export type ReviewAction =
  { kind: 'toggle'; index: number } | { kind: 'submit' } | { kind: 'skip' } | { kind: 'correct' };

/**
 * Keys: 1–9 flip the n-th sub-metric between pass and fail, Enter submits, n skips to the next item,
 * c opens the corrected response. Keys typed into a text field are text, except Ctrl/⌘+Enter (submit).
 */
export function shortcutFor(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  inTextField: boolean,
  metrics: number,
): ReviewAction | null {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return { kind: 'submit' };
  if (inTextField || e.altKey || e.ctrlKey || e.metaKey) return null;
  if (/^[1-9]$/.test(e.key) && Number(e.key) <= metrics) return { kind: 'toggle', index: Number(e.key) - 1 };
  if (e.key === 'Enter') return { kind: 'submit' };
  if (e.key === 'n') return { kind: 'skip' };
  if (e.key === 'c') return { kind: 'correct' };
  return null;
}
