// Publishes an export folder to the Hugging Face Hub with its official client: create the dataset repo (or reuse it),
// then one commit of the card and data files (Parquet through LFS, as the Hub asks). The token comes from HF_TOKEN
// only and goes nowhere but the Authorization header: not into messages, files, cache keys or the state database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GenesisError, ExitCode, InputError } from '../../util/errors.js';

export const DEFAULT_HUB = 'https://huggingface.co';
// What the Hub accepts as a repo id: namespace/name, each letters, digits, - _ . (no leading or trailing separator).
const REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface PushOptions {
  repo: string;
  dir: string;
  files: string[];
  token: string | undefined;
  hubUrl: string;
  title: string;
  log(message: string): void;
}

/** Usage problems caught before anything is written or sent. */
export function checkPush(repo: string, token: string | undefined): void {
  if (!REPO_ID.test(repo)) throw new InputError(`--push "${repo}": a Hub repo is <user or org>/<name> (letters, digits, - _ .)`);
  if (!token) throw new InputError('--push needs a Hugging Face token in HF_TOKEN (create a write token at https://huggingface.co/settings/tokens); it is read from there only and never stored');
  if (!token.startsWith('hf_')) throw new InputError('HF_TOKEN does not look like a Hugging Face token (they start with hf_)');
}

export async function pushToHub(o: PushOptions): Promise<{ commitUrl: string; created: boolean }> {
  checkPush(o.repo, o.token);
  const { createRepo, commit, HubApiError } = await import('@huggingface/hub');
  const repo = { type: 'dataset' as const, name: o.repo };
  const common = { accessToken: o.token!, hubUrl: o.hubUrl };
  const explain = (e: unknown, doing: string): never => {
    if (e instanceof HubApiError) {
      const why =
        e.statusCode === 401 ? 'the Hub refused HF_TOKEN (401 Unauthorized): it is wrong, expired or revoked'
        : e.statusCode === 403 ? `HF_TOKEN may not write to ${o.repo} (403 Forbidden): use a token with write access to that namespace`
        : `the Hub answered ${e.statusCode}: ${e.message}`;
      throw new GenesisError(`push to ${o.repo} failed while ${doing}: ${why}; no files were published`, ExitCode.failed);
    }
    const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
    throw new GenesisError(`push to ${o.repo} failed while ${doing}: cannot reach ${o.hubUrl} (${cause}); the export in ${o.dir} is complete, run again to push`, ExitCode.failed);
  };

  let created = true;
  try {
    await createRepo({ ...common, repo });
  } catch (e) {
    // An existing repo is where the new version goes: it gets one more commit, like `push_to_hub` does.
    if (e instanceof HubApiError && e.statusCode === 409) created = false;
    else explain(e, 'creating the dataset repo');
  }
  o.log(created ? `created dataset repo ${o.repo}` : `dataset repo ${o.repo} exists: adding a commit`);
  try {
    const operations = o.files.map((path) => ({ operation: 'addOrUpdate' as const, path, content: new Blob([readFileSync(join(o.dir, path))]) }));
    // Plain LFS (not Xet): the transfer every Hub deployment and mirror speaks.
    const out = await commit({ ...common, repo, title: o.title, operations, useXet: false });
    return { commitUrl: out?.commit.url ?? `${o.hubUrl}/datasets/${o.repo}`, created };
  } catch (e) {
    return explain(e, 'uploading the files');
  }
}
