// Small constructors for the chart specs the sections use, so each section says what it plots, not how Plot spells it.
import type { Chart, Mark } from '../types.js';

export interface Cell {
  row: string;
  col: string;
  value: number;
  label: string;
}

/** A heatmap with the value written in each cell (a halo keeps it readable on dark cells). */
export function heatmap(
  id: string,
  title: string,
  rows: string[],
  cols: string[],
  value: (row: string, col: string) => number,
  o: {
    caption?: string;
    label?: string;
    format?: (v: number) => string;
    width?: number;
    cellSize?: number;
    cellWidth?: number;
    scheme?: string;
    text?: boolean;
    xTicks?: string[];
    xLabel?: string;
    domain?: [number, number];
    /** Values outside `domain` take its end colour instead of leaving the scale. */
    clamp?: boolean;
  } = {},
): Chart {
  const cells: Cell[] = [];
  for (const row of rows) for (const col of cols) {
    const v = value(row, col);
    cells.push({ row, col, value: v, label: (o.format ?? String)(v) });
  }
  const size = o.cellSize ?? 40;
  const width = o.cellWidth ?? size;
  const marks: Mark[] = [{ mark: 'cell', data: cells, options: { x: 'col', y: 'row', fill: 'value', inset: width < 8 ? 0 : 0.5, tip: true } }];
  if (o.text !== false) marks.push({ mark: 'text', data: cells, options: { x: 'col', y: 'row', text: 'label', fill: 'black', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' } });
  const longest = Math.max(0, ...rows.map((r) => r.length));
  // Column labels longer than a cell is wide are slanted (and the bottom margin grows to hold them).
  const rotate = !o.xTicks && cols.some((c) => c.length * 6.5 > width);
  return {
    id,
    title,
    caption: o.caption,
    plot: {
      width: o.width ?? Math.max(320, 22 + longest * 7 + cols.length * width),
      height: 60 + rows.length * size + (rotate ? Math.max(...cols.map((c) => c.length)) * 4.5 : 0),
      marginLeft: 12 + longest * 7,
      padding: 0,
      x: { domain: cols, label: o.xLabel ?? null, tickRotate: rotate ? -35 : 0, ...(o.xTicks ? { ticks: o.xTicks } : {}) },
      y: { domain: rows, label: null },
      marginBottom: rotate ? 20 + Math.max(...cols.map((c) => c.length)) * 4.5 : 30,
      color: { type: 'linear', scheme: o.scheme ?? 'blues', legend: true, label: o.label ?? 'count', ...(o.domain ? { domain: o.domain, clamp: o.clamp ?? false } : { zero: true }) },
    },
    marks,
  };
}

/** Bars with a target tick on each (observed against what the pipeline asked for). */
export function barsAgainstTarget(
  id: string,
  title: string,
  rows: Array<{ key: string; observed: number; target?: number; group?: string }>,
  o: { caption?: string; label?: string; width?: number } = {},
): Chart {
  const withTarget = rows.filter((r) => r.target !== undefined);
  const longest = Math.max(0, ...rows.map((r) => r.key.length));
  const domain = rows.map((r) => r.key);
  const marks: Mark[] = [{ mark: 'barX', data: rows, options: { y: 'key', x: 'observed', fill: rows.some((r) => r.group) ? 'group' : 'steelblue', tip: true } }];
  if (withTarget.length) marks.push({ mark: 'tickX', data: withTarget, options: { y: 'key', x: 'target', stroke: '#d62728', strokeWidth: 2 } });
  marks.push({ mark: 'ruleX', data: [0], options: {} });
  const plot = {
    width: o.width ?? 640,
    height: 40 + rows.length * 16,
    marginLeft: 10 + longest * 6.5,
    y: { domain, label: null },
    x: { label: o.label ?? 'conversations', grid: true },
    color: rows.some((r) => r.group) ? { legend: true, scheme: 'tableau10' } : undefined,
  };
  return chart(id, title, o.caption, plot, marks);
}

/** Lines over x, one per `series` value, with a legend. */
export function lines(
  id: string,
  title: string,
  data: Array<{ x: number | string; y: number; series: string }>,
  o: {
    caption?: string;
    x?: string;
    y?: string;
    width?: number;
    height?: number;
    small?: boolean;
    xDomain?: unknown[];
    yDomain?: unknown[];
    zero?: boolean;
    dots?: boolean;
    /** A series drawn as a dashed black line (the real reference), apart from the coloured ones. */
    reference?: string;
  } = {},
): Chart {
  const ref = data.filter((d) => d.series === o.reference);
  const own = o.reference ? data.filter((d) => d.series !== o.reference) : data;
  const several = new Set(own.map((d) => d.series)).size > 1;
  const marks: Mark[] = [{ mark: 'line', data: own, options: { x: 'x', y: 'y', stroke: several ? 'series' : 'steelblue', tip: !o.small } }];
  if (ref.length) marks.push({ mark: 'line', data: ref, options: { x: 'x', y: 'y', stroke: 'black', strokeWidth: 2.5, strokeDasharray: '6,4', tip: true, channels: { series: 'series' } } });
  if (o.dots) marks.push({ mark: 'dot', data: own, options: { x: 'x', y: 'y', fill: several ? 'series' : 'steelblue', r: 3, tip: true } });
  if (o.zero) marks.push({ mark: 'ruleY', data: [0], options: {} });
  return {
    id,
    title,
    caption: o.caption,
    small: o.small,
    plot: {
      width: o.width ?? 640,
      height: o.height ?? 260,
      x: { label: o.x ?? null, ...(o.xDomain ? { domain: o.xDomain } : {}) },
      y: { label: o.y ?? null, grid: true, tickFormat: '~s', ...(o.yDomain ? { domain: o.yDomain } : {}) },
      marginLeft: 44,
      color: several ? { legend: true, scheme: 'tableau10' } : undefined,
    },
    marks,
  };
}

/** Grouped vertical bars: one bar per (x, series). */
export function groupedBars(
  id: string,
  title: string,
  data: Array<{ x: string; y: number; series: string }>,
  o: { caption?: string; x?: string; y?: string; width?: number; xDomain?: string[] } = {},
): Chart {
  const plot = {
    width: o.width ?? 640,
    height: 280,
    x: { axis: null },
    fx: { label: o.x ?? null, ...(o.xDomain ? { domain: o.xDomain } : {}) },
    y: { label: o.y ?? null, grid: true },
    color: { legend: true, scheme: 'tableau10' },
  };
  return chart(id, title, o.caption, plot, [
    { mark: 'barY', data, options: { fx: 'x', x: 'series', y: 'y', fill: 'series', tip: true } },
    { mark: 'ruleY', data: [0], options: {} },
  ]);
}

function chart(id: string, title: string, caption: string | undefined, plot: Record<string, unknown>, marks: Mark[]): Chart {
  return { id, title, caption, plot, marks };
}
