import { lexiconPlaceholders } from '../lexicon';

/**
 * Migration files are written once and rendered for either topology. Placeholders:
 * `${db}`, `${local}` (`_local` on a cluster, where the storage table sits under a Distributed table),
 * `${on_cluster}`, `${cluster}` and `${replicated}` (engine prefix), and the sycophancy lexicon as SQL
 * literals (`${praise_markers}`, `${pushback_pattern}`, `${reversal_markers}`, `${reversal_chars}`;
 * `lexiconPlaceholders`), which stays defined once, in TypeScript. A statement preceded by a
 * `-- if cluster` line is only rendered for a cluster.
 */
export interface Topology {
  database: string;
  cluster?: string;
}

const CLUSTER_ONLY = /^--\s*if cluster\s*$/m;

export function renderMigration(sql: string, topology: Topology): string[] {
  const { database, cluster } = topology;
  const values: Record<string, string> = {
    db: quoteIdentifier(database),
    local: cluster ? '_local' : '',
    on_cluster: cluster ? `ON CLUSTER ${quoteIdentifier(cluster)}` : '',
    cluster: cluster ? `'${cluster}'` : '',
    replicated: cluster ? 'Replicated' : '',
    ...lexiconPlaceholders(),
  };
  return splitStatements(sql)
    .filter((statement) => cluster !== undefined || !CLUSTER_ONLY.test(statement))
    .map((statement) =>
      statement.replace(/\$\{(\w+)\}/g, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`unknown migration placeholder ${whole}`);
        return value;
      }),
    )
    .map((statement) =>
      stripComments(statement)
        .replace(/[ \t]+\n/g, '\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}

function splitStatements(sql: string): string[] {
  // Statements end with `;` at the end of a line; the files contain no `;` inside string literals.
  return sql.split(/;\s*$/m).map((s) => s.trim());
}

function stripComments(statement: string): string {
  return statement
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n');
}

function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new Error(`invalid identifier: ${name}`);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name}\``;
}
