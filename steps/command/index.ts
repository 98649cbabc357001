// command: runs a user's shell command as a DAG step; declared outputs are collected and cached.
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StepFailure } from '../../util/errors.js';
import type { StepDefinition } from '../contract.js';

/** The runner passes the step definition's run/outputs/env through these reserved params. */
export interface CommandParams {
  run: string;
  outputs: string[];
  env: Record<string, string>;
}

const step: StepDefinition<CommandParams> = {
  type: 'command',
  description: 'Runs `run:` with sh from the pipeline folder. GENESIS_OUT is a folder for outputs; GENESIS_INPUT_<ID> points at each upstream output.',
  schema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const { run, outputs, env } = ctx.params;
    const inputEnv: Record<string, string> = {};
    for (const i of ctx.inputs) inputEnv[`GENESIS_INPUT_${i.stepId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = i.dir;
    const code = await new Promise<number | string>((done, fail) => {
      const child = spawn('sh', ['-c', run], {
        cwd: ctx.pipelineDir,
        env: { ...process.env, ...env, ...inputEnv, GENESIS_OUT: ctx.outDir, GENESIS_SEED: String(ctx.seed), GENESIS_STEP: ctx.stepId },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: false,
      });
      const forward = (stream: NodeJS.ReadableStream, log: (m: string) => void) => {
        let buf = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          buf += chunk;
          let nl;
          while ((nl = buf.indexOf('\n')) >= 0) {
            log(buf.slice(0, nl));
            buf = buf.slice(nl + 1);
          }
        });
        stream.on('end', () => buf && log(buf));
      };
      // Programs write progress and diagnostics to stderr as a matter of course: shown like stdout, not as warnings.
      forward(child.stdout, ctx.log.info);
      forward(child.stderr, ctx.log.info);
      const onAbort = () => child.kill('SIGTERM');
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      child.on('error', fail);
      child.on('close', (c, sig) => {
        ctx.signal.removeEventListener('abort', onAbort);
        done(c ?? sig ?? 'unknown');
      });
    });
    if (ctx.signal.aborted) throw ctx.signal.reason;
    if (code !== 0) throw new StepFailure(`command exited with ${typeof code === 'number' ? `code ${code}` : code}: ${run}`);
    for (const out of outputs) {
      const src = resolve(ctx.pipelineDir, out);
      if (!existsSync(src)) throw new StepFailure(`command succeeded but did not write its declared output ${out}`);
      cpSync(src, join(ctx.outDir, '_outputs', out), { recursive: true });
    }
    return { summary: `exit 0${outputs.length ? `, ${outputs.length} output(s)` : ''}` };
  },
};

export default step;
