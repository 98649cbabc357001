// Sorts a failed Converse call into throttle / transient / fatal, with messages that say what to do.

/** `label` names the failure in counts ("12 × ThrottlingException"). */
export type Failure =
  | { kind: 'throttle'; label: string; retryAfterMs?: number }
  | { kind: 'transient'; label: string; reason: string; /** The connection was never made (DNS, refused, no route). */ unreachable?: boolean }
  | { kind: 'fatal'; message: string };

const THROTTLE = new Set(['ThrottlingException', 'TooManyRequestsException', 'ServiceQuotaExceededException']);
const TRANSIENT = new Set([
  'InternalServerException',
  'ServiceUnavailableException',
  'ModelTimeoutException',
  'ModelNotReadyException',
  'ModelErrorException',
  'TimeoutError',
  'RequestTimeout',
]);
const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidClientTokenId',
]);
const NETWORK = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|socket hang up|ERR_HTTP2|did not get a response|abnormally aborted|Session closed|stream/i;

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

export function classifyError(err: unknown, model: string, region: string): Failure {
  const e = (err ?? {}) as SdkError;
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const message = (e.message ?? String(err)).trim();
  if (THROTTLE.has(name) || status === 429) return { kind: 'throttle', label: THROTTLE.has(name) ? name : 'HTTP 429', ...retryAfter(e) };
  if (TRANSIENT.has(name) || (status !== undefined && status >= 500)) return { kind: 'transient', label: name, reason: `${name}: ${message}` };
  // A connection reset mid-body over HTTP/2 reaches us as the SDK failing to parse a 200 reply: the body was cut
  // in transit, not a bad answer (the model's own text is a string inside that body, parsed later by us).
  if (status === 200 && (name === 'SyntaxError' || /deserializ/i.test(message))) {
    return { kind: 'transient', label: 'reply cut in transit', reason: `reply cut in transit (HTTP 200, body unreadable: ${message.slice(0, 120)})` };
  }
  const never = (status === undefined || status === 200) && !CREDENTIALS.has(name) ? unreachable(err) : undefined;
  if (never) return { kind: 'transient', ...never, unreachable: true };
  if ((status === undefined || status === 200) && !CREDENTIALS.has(name) && NETWORK.test(`${e.code ?? ''} ${message}`)) {
    return { kind: 'transient', label: 'connection failed', reason: `connection failed: ${e.code ?? message}` };
  }
  return { kind: 'fatal', message: fatalMessage(name, message, model, region) };
}

/**
 * A connection that was never made, named as such: the HTTP/2 handler reports it as a cancelled stream
 * (ERR_HTTP2_STREAM_CANCEL) whose cause holds the socket's error, so the whole cause chain is read.
 */
function unreachable(err: unknown): { label: string; reason: string } | undefined {
  const seen: string[] = [];
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown; hostname?: unknown; address?: unknown; port?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const text = `${String(e.code ?? '')} ${String(e.message ?? '')}`;
    const where = typeof e.hostname === 'string' ? e.hostname : typeof e.address === 'string' ? `${e.address}${e.port ? `:${String(e.port)}` : ''}` : undefined;
    seen.push(text);
    if (/ENOTFOUND|EAI_AGAIN/.test(text)) return { label: 'DNS lookup failed', reason: `DNS lookup failed${where ? ` for ${where}` : ''} (${/EAI_AGAIN/.test(text) ? 'EAI_AGAIN' : 'ENOTFOUND'})` };
    if (/ECONNREFUSED/.test(text)) return { label: 'connection refused', reason: `connection refused${where ? ` by ${where}` : ''} (ECONNREFUSED)` };
    if (/EHOSTUNREACH|ENETUNREACH/.test(text)) return { label: 'network unreachable', reason: `no route${where ? ` to ${where}` : ''} (${/EHOSTUNREACH/.test(text) ? 'EHOSTUNREACH' : 'ENETUNREACH'})` };
  }
  return undefined;
}

function retryAfter(e: SdkError): { retryAfterMs?: number } {
  const h = e.$response?.headers?.['retry-after'];
  if (!h) return {};
  const s = Number(h);
  if (Number.isFinite(s)) return { retryAfterMs: Math.max(0, s * 1000) };
  const at = Date.parse(h);
  return Number.isFinite(at) ? { retryAfterMs: Math.max(0, at - Date.now()) } : {};
}

/** Region prefix of the cross-region inference profile serving `region` (us-east-1 → us.). */
export function profilePrefix(region: string): string {
  if (region.startsWith('us-gov-')) return 'us-gov.';
  if (region.startsWith('eu-')) return 'eu.';
  if (region.startsWith('ap-')) return 'apac.';
  return 'us.';
}

function fatalMessage(name: string, message: string, model: string, region: string): string {
  const head = `Bedrock refused model "${model}" in ${region} (${name}): ${message}`;
  if (/on-demand throughput isn.t supported/i.test(message)) {
    return `${head}\n  hint: this model is served through an inference profile: use model "${profilePrefix(region)}${model.replace(/^(us|eu|apac|us-gov)\./, '')}"`;
  }
  if (name === 'AccessDeniedException') {
    return `${head}\n  hint: enable access to this model in the Bedrock console (Model access) for ${region}, and allow bedrock:InvokeModel in the IAM policy`;
  }
  if (name === 'ResourceNotFoundException') {
    return `${head}\n  hint: check the model id is offered in ${region} (known ids: data/models.json)`;
  }
  if (CREDENTIALS.has(name)) {
    return `${head}\n  hint: no usable AWS credentials from the standard chain (environment, shared config/SSO profile, instance role)`;
  }
  return head;
}
