// CPU time outside the service's own process, read from /proc (Linux), so that a benchmark run says
// where the machine's cores went: the whole machine's busy time, and the database server's
// processes when PostgreSQL runs on the same machine (0 elsewhere, or off Linux).
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** Milliseconds of CPU all cores spent busy (not idle, not waiting for I/O) since boot. */
export function machineBusyMs(): number {
  try {
    const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = fields.reduce((sum, f) => sum + f, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return ((total - idle) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Milliseconds of CPU (user + system) used so far by the live processes named `command` and their ended children. */
export function processesCpuMs(command: string): number {
  let ticks = 0;
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== command) continue;
      // After the command: state is field 3; utime and stime are fields 14 and 15, and cutime and
      // cstime (16, 17) the time of its children that ended: a backend or an autovacuum worker that
      // exits while the benchmark runs moves its time to the postmaster's, instead of out of the sum.
      const rest = stat.slice(close + 2).split(" ");
      ticks += Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
    } catch {
      // The process ended while it was read.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
