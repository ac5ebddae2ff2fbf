// Imported on a first call of a code-mode tool (the tool manifest lists them before).
export { codeTools } from '../code/code-tools.js';
