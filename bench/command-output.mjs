// Bench: time and peak RSS of genesis running a command step that prints a lot (one 50 MB line; 505,091 short lines).
// Runs without --json, as an operator would in CI (plain reporter, stderr piped), so echoing the output is measured too.
// Usage: node bench/command-output.mjs [--no-build] [--reps N] [--before DIR]   (builds dist/ first unless --no-build)
// --before DIR: also run a built checkout of an older genesis (e.g. `git archive main`), interleaved with this one, same reps.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) || (args.includes('--reps') ? 1 : 3);
if (!args.includes('--no-build')) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });

// Each case is a shell command made of small tools (head, tr, yes): GNU time's peak RSS is the largest of the waited-for
// process tree, so a producer that built its output in memory (node -e 'x'.repeat(…)) would be what gets measured.
const CASES = {
  // Floor: the same run with a command that prints nothing — genesis's own start-up, SQLite and step costs.
  'no output (floor)': 'true',
  'one 50 MB line': `head -c 52428800 /dev/zero | tr '\\0' x`,
  '505,091 short lines': `yes 'a short line of command output' | head -n 505091`,
};

const beforeAt = args.includes('--before') ? resolve(args[args.indexOf('--before') + 1]) : undefined;
const roots = [...(beforeAt ? [['before', beforeAt]] : []), ['after', root]];

function once(cmd, at) {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-bench-out-'));
  try {
    writeFileSync(join(dir, 'p.yaml'), `name: out\nsteps:\n  loud:\n    uses: command\n    run: ${JSON.stringify(cmd)}\n`);
    const r = spawnSync('/usr/bin/time', ['-f', '\nBENCH_TIME %e %M', process.execPath, join(at, 'bin/genesis.js'), 'run', join(dir, 'p.yaml')], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const m = /BENCH_TIME ([\d.]+) (\d+)\s*$/.exec(r.stderr);
    const [s, kb] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    return { seconds: s, rssMb: kb / 1024, exit: r.status, stderrBytes: Buffer.byteLength(r.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`| case | genesis | wall s (median of ${reps}) | peak RSS MB (median) | exit | stderr bytes |`);
console.log('|---|---|---|---|---|---|');
for (const [name, cmd] of Object.entries(CASES)) {
  const rs = new Map(roots.map(([label]) => [label, []]));
  // Interleaved so that a burst of load from other jobs hits both versions alike.
  for (let i = 0; i < reps; i++) for (const [label, at] of roots) rs.get(label).push(once(cmd, at));
  for (const [label, r] of rs)
    console.log(`| ${name} | ${label} | ${median(r.map((x) => x.seconds)).toFixed(2)} | ${median(r.map((x) => x.rssMb)).toFixed(0)} | ${r[0].exit} | ${r[0].stderrBytes} |`);
}
