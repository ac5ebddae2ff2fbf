// Imported on a first call of an mlops_* tool (the tool manifest lists them before).
export { crossTools } from '../cross/tools/index.js';
