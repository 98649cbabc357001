// How many paid calls made something, in words: on-demand requests, and batch records apart (they are billed at the
// batch price and are not requests a quota limits).

/** "12 requests", or "3 requests + 100 batch records" when batch inference was used. */
export function paidCalls(requests: number, batchRecords = 0): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return batchRecords > 0 ? `${plural(requests, 'request')} + ${plural(batchRecords, 'batch record')}` : plural(requests, 'request');
}
