// The only module that touches the Bedrock control plane and S3 SDKs: batch jobs and their JSONL files.
import { StepFailure } from '../../util/errors.js';

export interface BatchJobStatus {
  arn: string;
  name: string;
  status: string;
  message?: string;
  total?: number;
  processed?: number;
  /** Where the job writes: `<output s3Uri>/<job id>/`. */
  outputUri: string;
}

export interface BatchClient {
  exists(uri: string): Promise<boolean>;
  put(uri: string, body: string): Promise<void>;
  /** Keys (as s3:// URIs) under a prefix. */
  list(prefixUri: string): Promise<string[]>;
  get(uri: string): Promise<string>;
  create(job: { name: string; model: string; roleArn: string; inputUri: string; outputUri: string; timeoutHours: number }): Promise<string>;
  status(arn: string): Promise<BatchJobStatus>;
  /** Jobs whose name contains `name` (exact matches first are the caller's business). */
  findByName(name: string): Promise<BatchJobStatus[]>;
  destroy(): void;
}

export interface BatchEndpoints {
  /** Control plane endpoint; absent → the SDK's own resolution (AWS_ENDPOINT_URL_BEDROCK, AWS_ENDPOINT_URL, AWS). */
  control?: string;
  /** S3 endpoint; absent → the SDK's own resolution (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, AWS). */
  s3?: string;
  /** Path-style addressing: needed by any endpoint that is not AWS's own (a fake, MinIO, a proxy). */
  pathStyle: boolean;
}

export function splitS3Uri(uri: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new StepFailure(`not an S3 URI: ${uri}`);
  return { bucket: m[1] as string, key: m[2] as string };
}

/**
 * SDK retries stay on here (unlike Converse): control-plane and S3 calls are few, idempotent, and not rate-adapted
 * by genesis's limiter. Credentials come from the standard chain and never pass through genesis code.
 */
export async function createBatchClient(region: string, endpoints: BatchEndpoints): Promise<BatchClient> {
  const [bedrock, s3sdk] = await Promise.all([import('@aws-sdk/client-bedrock'), import('@aws-sdk/client-s3')]);
  const control = new bedrock.BedrockClient({ region, ...(endpoints.control ? { endpoint: endpoints.control } : {}) });
  const s3 = new s3sdk.S3Client({ region, forcePathStyle: endpoints.pathStyle, ...(endpoints.s3 ? { endpoint: endpoints.s3 } : {}) });
  const statusOf = (j: {
    jobArn?: string;
    jobName?: string;
    status?: string;
    message?: string;
    totalRecordCount?: number;
    processedRecordCount?: number;
    outputDataConfig?: { s3OutputDataConfig?: { s3Uri?: string } };
  }): BatchJobStatus => {
    const arn = j.jobArn ?? '';
    const base = (j.outputDataConfig?.s3OutputDataConfig?.s3Uri ?? '').replace(/\/?$/, '/');
    return {
      arn,
      name: j.jobName ?? '',
      status: j.status ?? 'Submitted',
      ...(j.message ? { message: j.message } : {}),
      ...(j.totalRecordCount !== undefined ? { total: j.totalRecordCount } : {}),
      ...(j.processedRecordCount !== undefined ? { processed: j.processedRecordCount } : {}),
      // The job id is the ARN's last segment; the service writes under <output>/<job id>/.
      outputUri: `${base}${arn.split('/').pop() ?? ''}/`,
    };
  };
  return {
    async exists(uri) {
      const { bucket, key } = splitS3Uri(uri);
      try {
        await s3.send(new s3sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (e) {
        if ((e as { name?: string }).name === 'NotFound' || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
        throw e;
      }
    },
    async put(uri, body) {
      const { bucket, key } = splitS3Uri(uri);
      await s3.send(new s3sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/jsonl' }));
    },
    async list(prefixUri) {
      const { bucket, key } = splitS3Uri(prefixUri);
      const out: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(new s3sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: key, ...(token ? { ContinuationToken: token } : {}) }));
        for (const o of page.Contents ?? []) if (o.Key) out.push(`s3://${bucket}/${o.Key}`);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out;
    },
    async get(uri) {
      const { bucket, key } = splitS3Uri(uri);
      const out = await s3.send(new s3sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
      return (await out.Body?.transformToString('utf8')) ?? '';
    },
    async create(job) {
      const out = await control.send(
        new bedrock.CreateModelInvocationJobCommand({
          jobName: job.name,
          // The same name is the same job: a retried or repeated create returns the job that exists.
          clientRequestToken: job.name,
          roleArn: job.roleArn,
          modelId: job.model,
          // Converse records: the same request body the on-demand path sends, for every model that speaks Converse.
          modelInvocationType: 'Converse',
          inputDataConfig: { s3InputDataConfig: { s3Uri: job.inputUri, s3InputFormat: 'JSONL' } },
          outputDataConfig: { s3OutputDataConfig: { s3Uri: job.outputUri } },
          timeoutDurationInHours: job.timeoutHours,
        }),
      );
      return out.jobArn ?? '';
    },
    async status(arn) {
      return statusOf(await control.send(new bedrock.GetModelInvocationJobCommand({ jobIdentifier: arn })));
    },
    async findByName(name) {
      const out: BatchJobStatus[] = [];
      let token: string | undefined;
      do {
        const page = await control.send(new bedrock.ListModelInvocationJobsCommand({ nameContains: name, ...(token ? { nextToken: token } : {}) }));
        for (const j of page.invocationJobSummaries ?? []) out.push(statusOf(j));
        token = page.nextToken;
      } while (token);
      return out;
    },
    destroy() {
      control.destroy();
      s3.destroy();
    },
  };
}
