// Sun position (NREL SPA), sunrise/sunset and local time with DST.
export * from './spa.js';
export * from './local-time.js';
export * from './sun-times.js';
export * from './sun-vector.js';
