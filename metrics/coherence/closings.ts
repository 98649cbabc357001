// Closing variety: how many distinct final agent turns a dataset has, and the share of the most frequent one.

/** Counts final agent turns exactly (a closing is short; 1,000s of them fit in memory). */
export class ClosingCounter {
  private readonly counts = new Map<string, number>();
  private total = 0;

  add(turns: ReadonlyArray<{ speaker: string; text: string }>): void {
    for (let i = turns.length - 1; i >= 0; i--) {
      const t = turns[i];
      if (t?.speaker !== 'agent') continue;
      const key = t.text.trim();
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      this.total++;
      return;
    }
  }

  report(): { conversations: number; distinct: number; distinct_rate: number; top_share: number; top: Array<{ text: string; count: number }> } {
    const sorted = [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const n = this.total;
    return {
      conversations: n,
      distinct: this.counts.size,
      distinct_rate: n === 0 ? 0 : this.counts.size / n,
      top_share: n === 0 ? 0 : (sorted[0]?.[1] ?? 0) / n,
      top: sorted.slice(0, 3).map(([text, count]) => ({ text, count })),
    };
  }
}
