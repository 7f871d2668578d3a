import { readdirSync, readFileSync } from 'node:fs';

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

/**
 * CPU seconds of each thread of this process since the sampler started, sampled from /proc every
 * `everyMs` (Linux; elsewhere nothing is reported): a worker thread's time is kept after it exits,
 * up to one sampling interval. `main` is this thread; `started` the threads that began after the
 * sampler (worker threads, and the small pools Node starts lazily); `others` the rest (V8's
 * compiler and garbage-collector helpers, started with the process).
 */
export function sampleThreadCpu(everyMs = 50): { stop: () => ThreadCpu } {
  const readAll = (into: Map<string, number>) => {
    let tids: string[];
    try {
      tids = readdirSync('/proc/self/task');
    } catch {
      return;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        into.set(tid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
      } catch {
        // The thread ended between listing and reading: its last sample stands.
      }
    }
  };
  const before = new Map<string, number>();
  readAll(before);
  const latest = new Map(before);
  const timer = setInterval(() => readAll(latest), everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      readAll(latest);
      const self = String(process.pid);
      const out: ThreadCpu = { main: 0, started: [], others: 0 };
      for (const [tid, cpu] of latest) {
        const used = cpu - (before.get(tid) ?? 0);
        if (tid === self) out.main = used;
        else if (before.has(tid)) out.others += used;
        else out.started.push(used);
      }
      out.started.sort((a, b) => b - a);
      return out;
    },
  };
}

export interface ThreadCpu { main: number; started: number[]; others: number }

/** Linux's USER_HZ, the unit of /proc's CPU times (100 on every common platform). */
const CLOCK_TICKS = 100;
