// Registered datasets of this pipeline and, per version, the quality, bias and training figures recorded with it.
import { datasetMetrics, listDatasets, trainingRuns } from '../../store/registry.js';
import type { StoredState } from './stored.js';

export interface DatasetVersion {
  name: string;
  version: number;
  records: number;
  createdAt: string;
  contentHash: string;
  costUsd: number;
  /** Figures recorded with the version: quality overall and scores, bias worst severity, classifier accuracy. */
  figures: Record<string, number>;
  maxSeverity: string | null;
}

export function gatherRegistry(state: StoredState): DatasetVersion[] {
  const hasRegistry = state.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'datasets'").get();
  if (!hasRegistry) return [];
  return listDatasets(state.db)
    .filter((d) => d.pipelineFile === state.pipelineFile)
    .map((d) => {
      const figures: Record<string, number> = {};
      let maxSeverity: string | null = null;
      for (const m of datasetMetrics(state.db, d.id)) {
        if (m.kind === 'quality') {
          if (typeof m.metrics.overall === 'number') figures.overall = m.metrics.overall;
          for (const [k, v] of Object.entries((m.metrics.scores ?? {}) as Record<string, unknown>)) if (typeof v === 'number') figures[k] = v;
        } else if (m.kind === 'bias' && typeof m.metrics.max_severity === 'string') maxSeverity = m.metrics.max_severity;
      }
      const t = trainingRuns(state.db, d.id).at(-1);
      const heldOut = (t?.metrics.held_out ?? {}) as Record<string, unknown>;
      if (typeof heldOut.accuracy === 'number') figures.classifier_accuracy = heldOut.accuracy;
      if (typeof heldOut.macro_f1 === 'number') figures.classifier_macro_f1 = heldOut.macro_f1;
      return { name: d.name, version: d.version, records: d.recordCount, createdAt: d.createdAt, contentHash: d.contentHash, costUsd: d.costUsd, figures, maxSeverity };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.version - b.version);
}
