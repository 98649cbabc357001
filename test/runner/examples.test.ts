// The example pipelines users copy all validate (the one that reads ../shared says so clearly when it is absent).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = resolve(__dirname, '../../pipelines');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const shared = existsSync(resolve(dir, '../../shared/datasets/banking77/train.csv'));

describe('example pipelines', () => {
  it('there are example pipelines for each kind of work', () => {
    expect(files).toEqual(expect.arrayContaining(['quickstart.yaml', 'timeseries.yaml', 'customer-service.yaml', 'bedrock.yaml']));
  });

  it.each(files)('%s validates', async (f) => {
    const r = await runCli(['validate', join(dir, f)]);
    if (f === 'customer-service.yaml' && !shared) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/`evaluate_on`: no such file: \.\.\/\.\.\/shared\/datasets\/banking77\/train\.csv/);
    } else {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
