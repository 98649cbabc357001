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
    'Registers the dataset made by the generate step in `needs` under a name: same content → same version, changed content → next version. Reports (quality.json, bias.json) and models (model.json/forecaster.json + metrics.json) from the other `needs` are recorded with it.',
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
          'Id of the step among `needs` whose output holds the dataset (conversations.jsonl or series.jsonl). Only needed when several do; list the generate step in `needs` either way, because steps see only their direct needs.',
      },
    },
  },
  async run(ctx) {
    const { registerFromInputs } = await import('./run.js');
    return registerFromInputs(ctx);
  },
};

export default step;
