// command: runs a user's shell command as a DAG step; declared outputs are collected and cached.
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StepFailure } from '../../util/errors.js';
import { forwardedSignal } from '../../util/abort.js';
import type { StepDefinition } from '../contract.js';
import { DEFAULT_OUTPUT_LIMITS, OutputTail } from './output-tail.js';
import { spawnGroup } from './process-group.js';

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
    const stdout = new OutputTail(ctx.log.info);
    // Programs write progress and diagnostics to stderr as a matter of course: shown like stdout, not as warnings.
    const stderr = new OutputTail(ctx.log.info);
    const group = spawnGroup(run, {
      cwd: ctx.pipelineDir,
      env: { ...process.env, ...env, ...inputEnv, GENESIS_OUT: ctx.outDir, GENESIS_SEED: String(ctx.seed), GENESIS_STEP: ctx.stepId },
      onStdout: (b) => stdout.write(b),
      onStderr: (b) => stderr.write(b),
    });
    // A stop (Ctrl-C, SIGTERM, the step's timeout) goes to the whole group, so no grandchild keeps running or holds the run.
    const onAbort = () => group.stop(forwardedSignal(ctx.signal.reason));
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    if (ctx.signal.aborted) onAbort();
    let exit;
    try {
      exit = await group.done;
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      stdout.end();
      stderr.end();
    }
    if (ctx.signal.aborted) throw ctx.signal.reason;
    if (exit.code !== 0) {
      const how = exit.code !== null ? `code ${exit.code}` : `signal ${exit.signal ?? 'unknown'}`;
      const tail = (stderr.lines ? stderr : stdout).last(10);
      throw new StepFailure(`command exited with ${how}: ${run}${tail.length ? `\n  last output:\n${tail.map((l) => `    ${l}`).join('\n')}` : ''}`);
    }
    for (const out of outputs) {
      const src = resolve(ctx.pipelineDir, out);
      if (!existsSync(src)) throw new StepFailure(`command succeeded but did not write its declared output ${out}`);
      cpSync(src, join(ctx.outDir, '_outputs', out), { recursive: true });
    }
    const printed = stdout.lines + stderr.lines > DEFAULT_OUTPUT_LIMITS.echoLines ? `, printed stdout ${stdout.describe()}, stderr ${stderr.describe()}` : '';
    return {
      summary: `exit 0${outputs.length ? `, ${outputs.length} output(s)` : ''}${printed}`,
      metrics: { output: { stdout_lines: stdout.lines, stdout_bytes: stdout.bytes, stderr_lines: stderr.lines, stderr_bytes: stderr.bytes } },
    };
  },
};

export default step;
