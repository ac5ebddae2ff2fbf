export * from './auth-header.js';
export * from './settings.js';
export * from './trace-server-url.js';
