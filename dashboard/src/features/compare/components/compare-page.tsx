import '../../../styles/explore.css';
import { useScope } from '../../../app/scope-context';
import { Panel } from '../../../shared/components/panel';
import { ResourceView } from '../../../shared/components/resource-view';
import { Empty } from '../../../shared/components/states';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import { formatCount, formatDay } from '../../../shared/lib/format';
import { useCompare } from '../hooks/use-compare';
import { defaultVersions } from '../lib/compare-link';
import { ComparisonTable } from './comparison-table';
import { ResponsePairs } from './response-pairs';
import { SignalMixTable } from './signal-mix-table';

/** Two versions of one workload side by side, over the page's time range. */
export function ComparePage() {
  const scope = useScope();
  const { get, set } = useUrlParams();
  const workload = scope.workload ?? scope.workloads[0] ?? null;
  const versions = workload ? (scope.versions[workload] ?? []) : [];
  const { baseline, candidate } = defaultVersions(versions, {
    baseline: get('baseline'),
    candidate: get('candidate'),
  });
  const picker = (label: string, name: 'baseline' | 'candidate', value: string | null) => (
    <label>
      {label}
      <select name={name} value={value ?? ''} onChange={(e) => set({ [name]: e.target.value })}>
        {(value && !versions.includes(value) ? [value, ...versions] : versions).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="page">
      <h1>Compare versions{workload ? ` of ${workload}` : ''}</h1>
      <div className="filterbar" data-testid="compare-pickers">
        {picker('Baseline', 'baseline', baseline)}
        {picker('Candidate', 'candidate', candidate)}
      </div>
      {!workload || !baseline || !candidate ? (
        <Empty>This workload has one model version: there is nothing to compare it with yet.</Empty>
      ) : baseline === candidate ? (
        <Empty>Choose two different versions.</Empty>
      ) : (
        <Comparison workload={workload} baseline={baseline} candidate={candidate} />
      )}
    </div>
  );
}

function Comparison({
  workload,
  baseline,
  candidate,
}: {
  workload: string;
  baseline: string;
  candidate: string;
}) {
  const scope = useScope();
  const report = useCompare({
    workload,
    baseline,
    candidate,
    ...(scope.range.from ? { from: scope.range.from } : {}),
    ...(scope.range.to ? { to: scope.range.to } : {}),
  });
  return (
    <ResourceView resource={report} what="the comparison">
      {(r) => (
        <>
          <Panel
            title="Side by side"
            wide
            testId="compare-metrics"
            help={`Interactions of each version between ${formatDay(r.window.from)} and ${formatDay(r.window.to)}; deltas are the candidate minus the baseline, rates with their 95% interval (as the cycles compute them).`}
          >
            <ComparisonTable report={r} />
          </Panel>
          <Panel
            title="Signal mix"
            testId="compare-signal-mix"
            help="What users did with each version's answers: signals per 100 interactions, by kind."
          >
            <SignalMixTable report={r} />
          </Panel>
          <Panel
            title="Answers to similar prompts"
            wide
            testId="compare-samples"
            help={`The most similar prompts each version answered (${formatCount(r.samples.length)} pairs, lexical similarity computed by the engine), with what happened to each answer.`}
          >
            <ResponsePairs report={r} />
          </Panel>
        </>
      )}
    </ResourceView>
  );
}
