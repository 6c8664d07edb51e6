import { useState } from 'react';
import type { InteractionExportQuery } from '@flywheel/api';
import { buildUrl } from '../../../api/client';
import { useApi } from '../../../app/api-context';
import { readKey } from '../../auth/lib/key-store';

const PATH = '/api/v1/interactions/export';

/**
 * Downloads every row the filters select as CSV. Without a project key the browser downloads the
 * API's stream itself; with one, a link cannot carry the `Authorization` header (the key never goes
 * into a URL), so the file is fetched with it and saved from memory.
 */
export function CsvExportLink({ query }: { query: InteractionExportQuery }) {
  const { hasKey } = useApi();
  const [failed, setFailed] = useState<string | null>(null);
  const href = buildUrl('', PATH, query);
  if (!hasKey)
    return (
      <a className="button" href={href} download="interactions.csv" data-testid="csv-export">
        Export CSV
      </a>
    );

  async function download() {
    setFailed(null);
    const response = await fetch(href, {
      headers: { authorization: `Bearer ${readKey() ?? ''}` },
      credentials: 'omit',
    });
    if (!response.ok) {
      setFailed(`The export failed (${response.status}).`);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'interactions.csv';
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void download()} data-testid="csv-export">
        Export CSV
      </button>
      {failed ? <span className="muted">{failed}</span> : null}
    </>
  );
}
