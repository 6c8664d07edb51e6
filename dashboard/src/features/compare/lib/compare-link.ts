/** The comparison page's link: the two versions of a workload, keeping the page's time range. */
export function compareHref(
  workload: string,
  baseline: string | null,
  candidate: string,
  search: URLSearchParams,
): string {
  const params = new URLSearchParams();
  for (const name of ['range', 'from', 'to']) {
    const value = search.get(name);
    if (value) params.set(name, value);
  }
  params.set('workload', workload);
  if (baseline) params.set('baseline', baseline);
  params.set('candidate', candidate);
  return `/compare?${params.toString()}`;
}

/**
 * The versions compared when the URL names none: the candidate is the workload's newest version, the
 * baseline the one before it (versions come newest first).
 */
export function defaultVersions(
  versions: readonly string[],
  chosen: { baseline: string | null; candidate: string | null },
): { baseline: string | null; candidate: string | null } {
  const candidate = chosen.candidate ?? versions[0] ?? null;
  const baseline = chosen.baseline ?? versions.find((v) => v !== candidate) ?? null;
  return { baseline, candidate };
}
