// Interleaved process timer: wall time and child CPU time (user+sys) per case, peers alternated each round.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Child CPU time needs getrusage(RUSAGE_CHILDREN), which Node does not expose; Python does, at µs resolution.
const TIMER_PY = String.raw`
import json, os, resource, subprocess, sys, time
spec = json.load(sys.stdin)
out = {c["name"]: {"wall": [], "cpu": [], "timeouts": 0} for c in spec["cases"]}
warm = spec.get("warmup", 1)
for r in range(warm + spec["reps"]):
    order = spec["cases"] if r % 2 == 0 else list(reversed(spec["cases"]))
    for c in order:
        if c.get("skip"):
            continue
        if c.get("prep"):
            subprocess.run(c["prep"], shell=True, cwd=c["cwd"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        env = dict(os.environ, **c.get("env", {}))
        ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        try:
            p = subprocess.run(c["argv"], cwd=c["cwd"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=c.get("timeout", 600))
        except subprocess.TimeoutExpired:
            out[c["name"]]["timeouts"] += 1
            c["skip"] = True
            continue
        t1 = time.perf_counter()
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode != 0:
            sys.stderr.write("case %s failed (exit %d): %s\n" % (c["name"], p.returncode, p.stderr.decode()[-2000:]))
            sys.exit(3)
        if r >= warm:
            out[c["name"]]["wall"].append((t1 - t0) * 1000)
            out[c["name"]]["cpu"].append(((ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)) * 1000)
print(json.dumps(out))
`;

function python() {
  // Prefer the system interpreter (pyenv shims add their own start-up and may lack nothing we need, but vary).
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/**
 * @param {Array<{name: string, argv: string[], cwd: string, env?: Record<string,string>, prep?: string, timeout?: number, skip?: boolean}>} cases
 * @param {{reps: number, warmup?: number}} opts
 * @returns {Record<string, {wall: number[], cpu: number[], timeouts: number}>}
 */
export function timeInterleaved(cases, opts) {
  const r = spawnSync(python(), ['-c', TIMER_PY], {
    input: JSON.stringify({ cases, reps: opts.reps, warmup: opts.warmup ?? 1 }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`timer failed: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout);
}

export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
