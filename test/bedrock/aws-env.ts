// Sets AWS environment variables for one test file (undefined deletes one) and restores them afterwards.
import { afterAll, beforeAll } from 'vitest';

export function useAwsEnv(values: Record<string, string | undefined>): void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [k, v] of Object.entries(values)) {
      saved[k] = process.env[k];
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

/** The SDK's endpoint variables unset, so a test's endpoints come only from its pipeline. */
export const NO_ENDPOINT_VARIABLES: Record<string, undefined> = {
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_S3: undefined,
  AWS_ENDPOINT_URL_BEDROCK: undefined,
  AWS_ENDPOINT_URL_BEDROCK_RUNTIME: undefined,
};
