// The offline conversation generator's version, derived at build time from its code and data/grammar (never bumped by hand).
import { codeVersion } from '../../../util/code-versions.js';

export const OFFLINE_CONVERSATION_VERSION = codeVersion('offline/conversations');
