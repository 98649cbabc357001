// The offline time-series generator's version, derived at build time from its code and data files (never bumped by hand).
import { codeVersion } from '../../../util/code-versions.js';

export const OFFLINE_SERIES_VERSION = codeVersion('offline/timeseries');
