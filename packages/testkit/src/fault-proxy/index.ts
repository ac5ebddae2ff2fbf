export type { Fault, FaultKind, RequestFault, RequestMatch } from './fault.js';
export { FaultSchema } from './fault.js';
export {
  type FaultProxy,
  type FaultProxyOptions,
  type FaultProxyStats,
  startFaultProxy,
} from './fault-proxy.js';
export type { ProxiedRequest } from './request-match.js';
