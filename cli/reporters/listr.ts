// TTY reporter: listr2 renders one task per step, fed by executor events.
import type { Reporter, StepReport } from '../../runner/events.js';
import type { Io } from '../io.js';
import { stepLine } from './format.js';

interface Deferred {
  resolve(r: StepReport): void;
  promise: Promise<StepReport>;
  output?: (text: string) => void;
  title?: (text: string) => void;
  started?: boolean;
  /** Warnings stay on screen under the step's final line (task output is replaced as the step goes on). */
  warnings?: string[];
}

export async function listrReporter(io: Io): Promise<{ reporter: Reporter; done(): Promise<void> }> {
  const { Listr } = await import('listr2');
  const waits = new Map<string, Deferred>();
  let running: Promise<unknown> = Promise.resolve();
  const reporter: Reporter = (e) => {
    switch (e.kind) {
      case 'run-start': {
        for (const s of e.steps) {
          let resolve!: (r: StepReport) => void;
          const promise = new Promise<StepReport>((r) => (resolve = r));
          waits.set(s.id, { resolve, promise });
        }
        const list = new Listr(
          e.steps.map((s) => ({
            title: `${s.id} (${s.uses})`,
            task: async (_ctx: unknown, task: { output: string; title: string; skip(msg?: string): void }) => {
              const w = waits.get(s.id)!;
              w.output = (t) => (task.output = t);
              if (!w.started) task.output = 'waiting for its inputs';
              const r = await w.promise;
              task.title = [`${s.id}: ${stepLine(r)}`, ...(w.warnings ?? []).map((m) => `  warning: ${m}`)].join('\n');
              if (r.status === 'failed' || r.status === 'interrupted') throw new Error(stepLine(r));
              if (r.status === 'skipped') task.skip(`${s.id}: ${stepLine(r)}`);
            },
          })),
          { concurrent: true, exitOnError: false, registerSignalListeners: false, rendererOptions: { collapseErrors: false, showErrorMessage: false } as never, renderer: io.color ? 'default' : 'simple' },
        );
        running = list.run().catch(() => undefined);
        break;
      }
      case 'step-start': {
        const w = waits.get(e.id);
        if (w) {
          w.started = true;
          w.output?.(e.reason);
        }
        break;
      }
      case 'step-progress':
        waits.get(e.id)?.output?.(`${e.done}${e.total ? `/${e.total}` : ''}${e.note ? ` ${e.note}` : ''}`);
        break;
      case 'step-log': {
        const w = waits.get(e.id);
        if (e.level === 'warn' && w) (w.warnings ??= []).push(e.message);
        w?.output?.(e.message);
        break;
      }
      case 'step-finish':
        waits.get(e.report.id)?.resolve(e.report);
        break;
      default:
        break;
    }
  };
  return {
    reporter,
    async done() {
      for (const w of waits.values()) w.resolve({ id: '' as never, uses: '', status: 'skipped', durationMs: 0, outputHash: null, reason: 'not reached' });
      await running;
    },
  };
}
