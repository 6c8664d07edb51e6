import { describe, expect, it } from 'vitest';
import { migrationFiles } from './files';
import { renderMigration } from './render';

describe('renderMigration', () => {
  const files = migrationFiles();

  it('finds numbered files in order, starting at 0001', () => {
    expect(files.map((f) => f.version)).toEqual(files.map((_, i) => i + 1));
    expect(files.map((f) => f.name)).toContain('0001_interactions');
  });

  it('renders a single node without cluster-only statements or placeholders', () => {
    const statements = renderMigration(files[0]!.sql, { database: 'default' });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^CREATE TABLE IF NOT EXISTS default\.interactions\s*\(/);
    expect(statements[0]).toContain('ENGINE = ReplacingMergeTree');
    expect(statements.join('\n')).not.toMatch(/\$\{|ON CLUSTER|Distributed/);
  });

  it('renders a cluster with replicated local tables and a Distributed table', () => {
    const statements = renderMigration(files[0]!.sql, { database: 'flywheel', cluster: 'main' });
    expect(statements).toHaveLength(2);
    expect(statements[0]).toContain('flywheel.interactions_local ON CLUSTER main');
    expect(statements[0]).toContain('ENGINE = ReplicatedReplacingMergeTree');
    expect(statements[1]).toContain("Distributed('main', flywheel, interactions_local");
  });

  it('refuses an unknown placeholder', () => {
    expect(() =>
      renderMigration('CREATE TABLE ${nope}.x (a UInt8) ENGINE = Memory;', { database: 'd' }),
    ).toThrow(/unknown migration placeholder \$\{nope\}/);
  });
});
