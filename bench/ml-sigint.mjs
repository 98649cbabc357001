// Bench: how long `genesis run` takes to exit after Ctrl-C (SIGINT) in the middle of train/intent-classifier.
// Usage: node bench/ml-sigint.mjs <pipeline folder> [ms into training, default 1500] [pipeline file, default quickstart.yaml]
// (after `npm run build`; the pipeline's training step must be called `train`)
import { spawn } from 'node:child_process';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cwd = process.argv[2];
if (!cwd) throw new Error('usage: node bench/ml-sigint.mjs <folder with quickstart.yaml> [ms]');
const delay = Number(process.argv[3] ?? 1500);
const file = process.argv[4] ?? 'quickstart.yaml';
const child = spawn(process.execPath, [resolve(root, 'bin/genesis.js'), 'run', file, '--force', 'train'], { cwd });
let out = '';
let sentAt = 0;
const onData = (chunk) => {
  out += chunk;
  if (!sentAt && out.includes('training on')) {
    sentAt = -1;
    setTimeout(() => {
      sentAt = performance.now();
      child.kill('SIGINT');
    }, delay);
  }
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
child.on('exit', (code) => {
  const interrupted = /\[train\] stopped: interrupted/.test(out);
  console.log(JSON.stringify({ delay_ms: delay, exit_code: code, train_interrupted: interrupted, exit_after_sigint_ms: sentAt > 0 ? Math.round(performance.now() - sentAt) : null }));
});
