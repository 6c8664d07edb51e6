/**
 * Where the server's main thread spent each request of `pnpm bench:healthz --cpu-prof-dir DIR`: reads the
 * main thread's `.cpuprofile` (thread 0) and the request windows the bench wrote beside it, and prints per
 * request its longest stretch of the thread never idle (the pause a /healthz waits behind) and the
 * functions with the most self time inside that stretch.
 *
 *   node --import tsx test/bench/profile-windows.ts DIR [--top 12]
 *
 * Both clocks are the system's monotonic one (V8's profile timestamps and `process.hrtime`), so the
 * windows of the bench's process line up with the samples of the server's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
/** A request's start and end on the monotonic clock, in microseconds (healthz.bench.ts writes them). */
interface Window {
  name: string;
  startUs: number;
  endUs: number;
}

const program = new Command()
  .argument('<dir>', 'the directory given to bench:healthz --cpu-prof-dir')
  .option('--top <n>', 'functions listed per request', '12')
  .parse();
const dir = program.args[0]!;
const top = Number(program.opts<{ top: string }>().top);

// Node names a profile CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; the main thread is thread 0.
const mainFile = readdirSync(dir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
if (!mainFile) throw new Error(`no main-thread .cpuprofile in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, mainFile), 'utf8')) as Profile;
const windows = JSON.parse(readFileSync(join(dir, 'windows.json'), 'utf8')) as Window[];

const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
const label = (f: CallFrame) => {
  const file = f.url
    .replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^.*\/(?=[^/]+\/src\/)/, '');
  return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
};

// Sample i runs from its timestamp to the next one's.
const times: number[] = [];
let t = profile.startTime;
for (const delta of profile.timeDeltas) times.push((t += delta));
const samples = profile.samples.map((id, i) => ({
  frame: frames.get(id)!,
  at: times[i]!,
  us: (times[i + 1] ?? times[i]!) - times[i]!,
}));
// `(program)` is native work outside JS on this thread and `(garbage collector)` GC: both busy.
const idle = (f: CallFrame) => f.functionName === '(idle)';

for (const w of windows) {
  const inside = samples.filter((s) => s.at >= w.startUs && s.at < w.endUs);
  // The longest run of samples with the thread busy: what a /healthz asked at its start waits behind.
  let best = { from: 0, to: 0, us: 0 };
  let from = 0;
  let us = 0;
  inside.forEach((s, i) => {
    if (idle(s.frame)) {
      from = i + 1;
      us = 0;
      return;
    }
    us += s.us;
    if (us > best.us) best = { from, to: i + 1, us };
  });
  const busy = inside.filter((s) => !idle(s.frame)).reduce((sum, s) => sum + s.us, 0);
  console.log(
    `\n## ${w.name}: ${((w.endUs - w.startUs) / 1000).toFixed(0)} ms, main thread busy ${(busy / 1000).toFixed(0)} ms, ` +
      `longest busy stretch ${(best.us / 1000).toFixed(0)} ms`,
  );
  const self = new Map<string, number>();
  for (const s of inside.slice(best.from, best.to))
    self.set(label(s.frame), (self.get(label(s.frame)) ?? 0) + s.us);
  for (const [name, selfUs] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${(selfUs / 1000).toFixed(1).padStart(7)} ms  ${name}`);
}
