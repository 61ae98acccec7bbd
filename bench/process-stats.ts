import { readFile } from 'node:fs/promises';

/** Kernel clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface ProcessSample {
  /** User plus system CPU time consumed so far, in microseconds. */
  readonly cpuMicros: number;
  /** Resident set size, in bytes. */
  readonly rssBytes: number;
}

/** CPU time and RSS of another process, from Linux's /proc. */
export async function sampleProcess(pid: number): Promise<ProcessSample> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name (which may contain spaces).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
  return { cpuMicros: (ticks * 1_000_000) / TICKS_PER_SECOND, rssBytes: rssKb * 1024 };
}
