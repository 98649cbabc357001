// debug/echo: a trivial built-in step that writes a message (and its inputs' hashes) — for tests and demos.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StepFailure } from '../../util/errors.js';
import { sleep } from '../../util/abort.js';
import type { StepDefinition } from '../contract.js';

interface Params {
  message: string;
  file: string;
  delay_ms: number;
  fail: boolean;
}

const step: StepDefinition<Params> = {
  type: 'debug/echo',
  description: 'Writes `message` to a file; can wait or fail on purpose (for trying the runner).',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      message: { type: 'string', default: 'hello', description: 'Text written to the output file.' },
      file: { type: 'string', default: 'message.txt', pattern: '^[A-Za-z0-9._-]+$', description: 'Output file name.' },
      delay_ms: { type: 'integer', minimum: 0, maximum: 3600000, default: 0, description: 'Wait this long first (interruptible).' },
      fail: { type: 'boolean', default: false, description: 'Fail instead of writing.' },
    },
  },
  async run(ctx) {
    const { message, file, delay_ms, fail } = ctx.params;
    if (delay_ms > 0) await sleep(delay_ms, ctx.signal);
    if (fail) throw new StepFailure(`failed on purpose (with.fail is true)`);
    const upstream = ctx.inputs.map((i) => `${i.stepId}:${i.outputHash}`).join('\n');
    writeFileSync(join(ctx.outDir, file), `${message}\n${upstream ? upstream + '\n' : ''}`);
    return { summary: `wrote ${file}` };
  },
};

export default step;
