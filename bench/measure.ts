/** CPU seconds (user + system) this process spent since `since`. */
export function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

/** Highest resident set size of this process so far, in MB (from the OS, not sampled). */
export function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Percentile by nearest rank of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function printJson(result: object): void {
  process.stdout.write(JSON.stringify(result) + '\n');
}
