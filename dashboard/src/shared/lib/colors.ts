/** One palette for every chart, so the same thing has the same colour on every page. */
export const COLORS = {
  primary: '#2563eb',
  secondary: '#7c3aed',
  good: '#16a34a',
  warn: '#d97706',
  bad: '#dc2626',
  neutral: '#64748b',
  band: '#16a34a',
  series: ['#2563eb', '#16a34a', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#dc2626', '#475569'],
} as const;

export function seriesColor(index: number): string {
  return COLORS.series[index % COLORS.series.length]!;
}
