// Small pieces shared by the dashboard's pages: status badges, durations, the runs table.
import { duration } from '../../cli/reporters/format.js';
import type { RunRow } from '../../store/history.js';
import { html, type Html, when } from '../html.js';

export function statusBadge(status: string): Html {
  return html`<span class="badge s-${status}">${status}</span>`;
}

export function took(r: { startedAt: string; finishedAt: string | null }): string {
  return r.finishedAt ? duration(Date.parse(r.finishedAt) - Date.parse(r.startedAt)) : '–';
}

export function runsTable(key: string, runs: RunRow[]): Html {
  if (!runs.length) return html`<p class="muted" id="runs">No runs yet.</p>`;
  return html`<table id="runs"><thead><tr><th>run</th><th>status</th><th>started</th><th>took</th><th>ran</th><th>cached</th><th>failed</th></tr></thead><tbody>
${runs.map((r) => html`<tr><td><a href="/run?file=${encodeURIComponent(key)}&amp;id=${encodeURIComponent(r.id)}">${r.id}</a></td><td>${statusBadge(r.status)}</td><td>${when(r.startedAt)}</td><td>${took(r)}</td><td>${r.ran ?? 0}</td><td>${r.cached ?? 0}</td><td>${r.failed ?? 0}</td></tr>`)}
</tbody></table>`;
}

/** A number as a page shows it: integers whole, shares and scores to three places. */
export function fmt(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(3);
  return v;
}
