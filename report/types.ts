// The report's shapes: a chart is a JSON description of an Observable Plot figure; a section is static HTML plus its charts.

/** One Plot mark: `Plot[mark](data, options)` in the browser. Options hold field names, never functions (specs are JSON). */
export interface Mark {
  mark: 'barX' | 'barY' | 'cell' | 'line' | 'lineY' | 'dot' | 'ruleX' | 'ruleY' | 'text' | 'tickX' | 'tickY' | 'areaY';
  data: unknown[];
  options: Record<string, unknown>;
}

export interface Chart {
  /** Unique in the page: the element `data-chart="<id>"` the browser renders into. */
  id: string;
  title: string;
  caption?: string;
  /** Top-level Plot options (width, height, axes, color…), without marks. */
  plot: Record<string, unknown>;
  marks: Mark[];
  /** Laid out in a grid of small multiples rather than full width. */
  small?: boolean;
}

export interface Section {
  id: string;
  title: string;
  /** What is wrong first: a failed gate or a step that failed puts the section on top and marks it. */
  alert?: boolean;
  /** Static HTML (already escaped); charts are placed where `<div data-chart="id">` appears, or appended. */
  html: string;
  charts: Chart[];
  /** The section's key figures, shown together at the top of the page (a failed gate's marked bad). */
  headline?: Headline[];
}

export interface Headline {
  label: string;
  value: string;
  bad?: boolean;
}

/** Extra JSON the browser code reads: conversation samples by the id in `data-sample="<id>"`. */
export interface ClientData {
  samples: Record<string, SampleConversation[]>;
}

export interface SampleConversation {
  id: string;
  intent: string;
  category: string;
  language: string;
  sentiment: string;
  complexity: string;
  resolution: string;
  turns: Array<[speaker: string, text: string]>;
}
