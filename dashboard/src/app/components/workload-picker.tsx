import { useUrlParams } from '../../shared/hooks/use-url-params';
import { useScope } from '../scope-context';

export function WorkloadPicker() {
  const { set } = useUrlParams();
  const { workload, workloads } = useScope();
  // A workload from a shared link stays selectable even when it is not among the recent ones.
  const options = workload && !workloads.includes(workload) ? [workload, ...workloads] : workloads;
  return (
    <div className="picker">
      <label htmlFor="workload">Workload</label>
      <select id="workload" value={workload ?? ''} onChange={(e) => set({ workload: e.target.value })}>
        <option value="">All workloads</option>
        {options.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
    </div>
  );
}
