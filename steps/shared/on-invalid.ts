// The `on_invalid:` parameter shared by the steps that read a user's dataset.

export const ON_INVALID_SCHEMA = {
  enum: ['fail', 'skip'],
  default: 'fail',
  description:
    'Bad records in the dataset (invalid JSON, not a conversation/series): `fail` (default) lists them (file:line, the first 20 and a count) and fails the step; `skip` leaves them out and counts them in the report (counts.invalid_skipped).',
} as const;
