import { useState, type FormEvent } from 'react';
import { useApi } from '../../../app/api-context';

/**
 * Shown when the server has project keys configured. The key stays in this tab's sessionStorage and is
 * sent as `Authorization: Bearer` to the API only.
 */
export function KeyPrompt() {
  const { needsKey, hasKey, setKey } = useApi();
  const [draft, setDraft] = useState('');
  if (!needsKey && !hasKey) return null;
  if (!needsKey)
    return (
      <div className="keybar keybar-set">
        Using a project key from this tab.{' '}
        <button type="button" className="link-button" onClick={() => setKey(null)}>
          Forget key
        </button>
      </div>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setKey(draft);
  };
  return (
    <form className="keybar keybar-needed" onSubmit={submit} data-testid="key-prompt">
      <label htmlFor="api-key">
        {hasKey ? 'The key was refused. Paste a valid project key:' : 'This server needs a project key:'}
      </label>
      <input
        id="api-key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder="paste the key from FLYWHEEL_KEYS"
      />
      <button type="submit">Use key</button>
      <span className="keybar-note">Kept in this tab only (sessionStorage).</span>
    </form>
  );
}
