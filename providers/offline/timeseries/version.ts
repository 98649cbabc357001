// The offline time-series generator's version: bump when its output changes (it is part of cache keys).
export const OFFLINE_SERIES_VERSION = 'offline-series-2';
