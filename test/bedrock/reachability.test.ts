// Before paying for anything: missing credentials fail at once with the standard-chain hint, and an endpoint that
// cannot be reached is named as such after a few tries (through `genesis run`, the real SDK, loopback only).
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fakeBedrockPerTest } from '../fakes/fake-bedrock-per-test.js';
import { spawnCli, tempDir, writePipeline } from '../helpers/cli.js';
import { bedrockPipelineHead } from '../helpers/bedrock-yaml.js';

const startFake = fakeBedrockPerTest();

const pipeline = (endpoint: string) => `${bedrockPipelineHead('reach', endpoint, ['limits: { rpm: 6000, tpm: 50000000 }', 'patience_s: 60'])}steps:
  generate: { uses: generate/conversations, with: { count: 10, provider: claude, batch_size: 5 } }
`;

/** An environment in which the standard chain finds nothing, and never probes the instance metadata service. */
function noCredentials(): NodeJS.ProcessEnv {
  const home = tempDir('genesis-home-');
  return {
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: `${home}/credentials`,
    AWS_CONFIG_FILE: `${home}/config`,
    HOME: home,
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('reaching Bedrock', () => {
  it('without credentials fails before any request, with the standard-chain hint', async () => {
    const fake = await startFake({ rpm: 6000, seed: 1 });
    const r = await spawnCli(['run', writePipeline(pipeline(fake.url))], { env: noCredentials() }).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no AWS credentials for Bedrock/);
    expect(r.stderr).toMatch(/standard AWS chain: AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY, AWS_PROFILE/);
    expect(r.stderr).not.toMatch(/Bedrock refused/);
    expect(fake.stats().requests).toBe(0);
  });

  it('an endpoint nobody listens on is named as unreachable and the run stops resumably', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const r = await spawnCli(['run', writePipeline(pipeline(endpoint))], { env: { AWS_ACCESS_KEY_ID: 'FAKEKEYIDFORGENESISTESTS', AWS_SECRET_ACCESS_KEY: 'fake-secret', AWS_EC2_METADATA_DISABLED: 'true' } }).done;
    expect(r.code).toBe(75);
    expect(r.stderr).toContain(`cannot reach Bedrock at ${endpoint}: connection refused`);
    expect(r.stderr).toMatch(/nothing was paid/);
  });
});
