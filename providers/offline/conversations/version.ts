// The offline conversation generator's version: bump when its output changes (it is part of cache keys).
export const OFFLINE_CONVERSATION_VERSION = '4';
