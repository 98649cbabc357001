// Speed of the offline conversation generator: CPU time of plan + generate for N conversations, this build against
// another (--dist), alternated in one process so machine load hits both alike; and the sha256 of the output (pure
// speed changes must not move it). Usage: node bench/conversations-speed.mjs [--n 10000] [--rounds 3] [--dist other/dist]
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { generatorFrom } from './conversations-generator.mjs';

const args = process.argv.slice(2);
const flag = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const n = Number(flag('--n', '10000'));
const rounds = Number(flag('--rounds', '3'));
const mine = await generatorFrom([]);
const other = args.includes('--dist') ? await generatorFrom(['--dist', resolve(flag('--dist'))]) : undefined;
const time = (g) => {
  const c0 = process.cpuUsage();
  const cs = g.gen(11, n, 0.1);
  const c = process.cpuUsage(c0);
  const sha = createHash('sha256').update(cs.map((x) => JSON.stringify(x)).join('\n')).digest('hex').slice(0, 16);
  return { s: (c.user + c.system) / 1e6, sha };
};
console.log(`${n} conversations (seed 11, noise 0.1), CPU seconds, ${rounds} alternated rounds`);
for (let r = 0; r < rounds; r++) {
  const a = time(mine);
  const b = other ? time(other) : undefined;
  console.log(`this ${a.s.toFixed(2)} s (sha ${a.sha})` + (b ? `   other ${b.s.toFixed(2)} s (sha ${b.sha})   ratio ${(a.s / b.s).toFixed(3)}` : ''));
}
