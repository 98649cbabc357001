// The fake Bedrock server itself: both HTTP versions, the error wire shape, its sliding-window quota.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fakes/fake-bedrock.js';
import { SECRET } from './helpers.js';

let fake: FakeBedrock | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const body = JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hi' }] }], inferenceConfig: { maxTokens: 50 } });
const post = (url: string, model = 'us.amazon.nova-pro-v1%3A0') =>
  fetch(`${url}/model/${model}/converse`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `AWS4-HMAC-SHA256 Credential=${SECRET}` } });

describe('fake bedrock', () => {
  it('answers HTTP/1.1 clients with the Converse shape', async () => {
    fake = await startFakeBedrock({});
    const res = await post(fake.url);
    expect(res.status).toBe(200);
    const json = (await res.json()) as Record<string, any>;
    expect(json.output.message.content[0].text).toMatch(/Hello/);
    expect(json.usage.totalTokens).toBe(json.usage.inputTokens + json.usage.outputTokens);
    expect(json.stopReason).toBe('end_turn');
    expect(fake.stats().http1).toBe(1);
  });

  it('enforces its RPM quota with real ThrottlingException 429s', async () => {
    fake = await startFakeBedrock({ rpm: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await post(fake.url)).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const res = await post(fake.url);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^ThrottlingException:/);
    expect(((await res.json()) as { message: string }).message).toMatch(/Too many requests/);
  });

  it.each([
    ['500', 500, 'InternalServerException'],
    ['503', 503, 'ServiceUnavailableException'],
    ['429', 429, 'ThrottlingException'],
    ['denied', 403, 'AccessDeniedException'],
  ])('scripted %s answers %i %s', async (step, status, type) => {
    fake = await startFakeBedrock({ script: [step] });
    const res = await post(fake.url);
    expect(res.status).toBe(status);
    expect(res.headers.get('x-amzn-errortype')?.split(':')[0]).toBe(type);
  });

  it('keeps nothing from request headers', async () => {
    fake = await startFakeBedrock({});
    await post(fake.url);
    expect(JSON.stringify([fake.stats(), fake.itemRequests()])).not.toContain(SECRET);
  });
});
