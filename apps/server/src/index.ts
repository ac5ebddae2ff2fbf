export {
  type GatewayConfig,
  type GatewayConfigInput,
  GatewayConfigSchema,
} from './config/gateway-config.js';
export { type LoadedConfig, loadConfig } from './config/load-config.js';
export { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
export { createLogger } from './logger.js';
export { selectTools } from './tools/select-tools.js';
export { type RunningHttpServer, startHttpServer } from './transports/http-server.js';
export { VERSION } from './version.js';
