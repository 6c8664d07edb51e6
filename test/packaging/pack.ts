import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Packs workspace packages the way they are published: `pnpm pack` runs each package's `prepack`
 * (the build), applies its `publishConfig` (exports pointing at dist/) and rewrites `workspace:*`
 * to the real versions, none of which plain `npm pack` does. Returns the tarball path per package.
 */
export async function packWorkspacePackages(
  names: string[],
  destination: string,
): Promise<Map<string, string>> {
  const filters = names.flatMap((name) => ['--filter', name]);
  const [command, ...prefix] = pnpmCommand();
  await run(command!, [...prefix, ...filters, 'pack', '--pack-destination', destination], {
    cwd: root,
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const files = readdirSync(destination);
  return new Map(
    names.map((name) => {
      // pnpm names the tarball like npm: @scope/name → scope-name-<version>.tgz
      const file = `${name.replace(/^@/, '').replace('/', '-')}-${packageVersion(name)}.tgz`;
      if (!files.includes(file))
        throw new Error(`pnpm pack did not write ${file} (found ${files.join(', ')})`);
      return [name, join(destination, file)];
    }),
  );
}

function packageVersion(name: string): string {
  const folder = name.replace(/^@flywheel\//, '');
  return (JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/**
 * The pnpm that runs these tests when there is one (`pnpm test`, `pnpm verify`); otherwise the
 * version the repository declares in `packageManager`, through npx. npm_execpath alone is not
 * enough: pnpm started through npx keeps npx's npm there.
 */
function pnpmCommand(): string[] {
  const execPath = process.env.npm_execpath;
  if (execPath !== undefined && /pnpm[^/\\]*$/.test(execPath)) {
    return /\.c?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  }
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    packageManager: string;
  };
  return ['npx', '--yes', packageManager];
}
