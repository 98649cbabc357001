// register/dataset: records the dataset a pipeline made (versioned by content hash), its reports, models and lineage.
import type { StepDefinition } from '../contract.js';

export interface RegisterParams {
  name: string;
  description?: string;
  schema_version: string;
  dataset?: string;
}

const step: StepDefinition<RegisterParams> = {
  type: 'register/dataset',
  description:
    'Registers the dataset made by the generate step in `needs` (or upstream of them: the step that fed validate, bias or train) under a name: same content → same version, changed content → next version. Reports (quality.json, bias.json) and models (model.json/forecaster.json + metrics.json) from the other `needs` are recorded with it.',
  // It finds the dataset through the lineage of validate/bias/train when no need holds it.
  readsLineage: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: {
        type: 'string',
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
        maxLength: 64,
        description: 'Registry name of the dataset (letters, digits, . _ -). Versions are numbered per name: `genesis datasets show <name>[@version]`.',
      },
      description: { type: 'string', maxLength: 1000, description: 'One line on what the dataset is for; shown by `genesis datasets show`.' },
      schema_version: { type: 'string', default: '1', minLength: 1, maxLength: 32, description: 'Version of the record schema the dataset follows, recorded with each version.' },
      dataset: {
        type: 'string',
        description:
          'Id of the step whose output holds the dataset (conversations.jsonl or series.jsonl): one of `needs` or upstream of them. Only needed when several candidates exist; otherwise the dataset is the need that holds one, else the nearest one upstream of the needs.',
      },
    },
  },
  async run(ctx) {
    const { registerFromInputs } = await import('./run.js');
    return registerFromInputs(ctx);
  },
};

export default step;
