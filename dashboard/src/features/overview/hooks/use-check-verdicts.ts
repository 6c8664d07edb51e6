import type { CheckName, Finding } from '@flywheel/api';
import { useScope } from '../../../app/scope-context';
import { useUrlParams } from '../../../shared/hooks/use-url-params';
import type { Resource } from '../../../shared/lib/resource';
import { useCheck } from '../../checks/hooks/use-check';
import { checkQuery } from '../../checks/lib/check-query';

export type CheckVerdicts = Record<CheckName, Resource<{ verdict: Finding['verdict']; findings: Finding[] }>>;

/**
 * Every feedback check's verdict, from the very requests the Checks page makes (same query, same cache):
 * the Overview's headline and its check strip read the verdict the Checks page shows.
 */
export function useCheckVerdicts(): CheckVerdicts {
  const scope = useScope();
  const { search } = useUrlParams();
  const query = checkQuery(scope, search);
  return {
    drift: useCheck('drift', query),
    sycophancy: useCheck('sycophancy', query),
    'latency-bias': useCheck('latency-bias', query),
    survivorship: useCheck('survivorship', query),
  };
}
