import type { Agent, ToolAnswer } from '../../task.js';

/** The invalid_input error as the gateway structures it (see core's InputErrorDetails). */
interface ArgumentError {
  kind: string;
  unknown?: string[];
  didYouMean?: Record<string, string>;
  valid?: string[];
}

/** What an agent learnt from a refused first call, and the answer of its retry. */
export interface Recovered {
  /** The retry's answer (the first call's, when it was not refused). */
  answer: ToolAnswer;
  /** The renames the agent applied, read from the error: unknown path -> suggested path. */
  renamed: Record<string, string>;
  /** True when the first call was refused as invalid_input naming unknown arguments. */
  refused: boolean;
}

/**
 * A competent agent's recovery from a misnamed argument: make the call as first written; when
 * the gateway refuses it naming unknown arguments, move each to the path the error suggests
 * (`didYouMean`, read from the structured error, never hard-coded) and call once more.
 */
export async function callRecovering(
  agent: Agent,
  tool: string,
  args: Record<string, unknown>,
): Promise<Recovered> {
  const first = await agent.call(tool, args);
  const error = first.structured.error as ArgumentError | undefined;
  if (!first.isError || error?.kind !== 'invalid_input' || !error.unknown?.length) {
    return { answer: first, renamed: {}, refused: false };
  }
  const renamed = error.didYouMean ?? {};
  const fixed = structuredClone(args);
  for (const [from, to] of Object.entries(renamed)) moveAt(fixed, from.split('.'), to.split('.'));
  return { answer: await agent.call(tool, fixed), renamed, refused: true };
}

/** Moves the value at path `from` to path `to`, creating objects on the way. */
function moveAt(root: Record<string, unknown>, from: string[], to: string[]): void {
  const source = parentOf(root, from, false);
  const key = from.at(-1) as string;
  if (!source || !(key in source)) return;
  const value = source[key];
  delete source[key];
  const target = parentOf(root, to, true) as Record<string, unknown>;
  target[to.at(-1) as string] = value;
}

function parentOf(
  root: Record<string, unknown>,
  path: string[],
  create: boolean,
): Record<string, unknown> | undefined {
  let current = root;
  for (const key of path.slice(0, -1)) {
    let next = current[key];
    if (next === undefined && create) {
      next = {};
      current[key] = next;
    }
    if (next === null || typeof next !== 'object') return undefined;
    current = next as Record<string, unknown>;
  }
  return current;
}

/** Problems when the first call was not refused or not renamed as expected. */
export function recoveryProblems(
  recovered: Pick<Recovered, 'refused' | 'renamed'>,
  expected: Record<string, string>,
): string[] {
  if (!recovered.refused) return ['the misnamed argument was not refused with invalid_input'];
  const problems: string[] = [];
  for (const [from, to] of Object.entries(expected)) {
    if (recovered.renamed[from] !== to) {
      problems.push(
        `the error suggested ${JSON.stringify(recovered.renamed[from])} for "${from}", expected "${to}"`,
      );
    }
  }
  return problems;
}

/**
 * The same recovery inside a code-mode snippet: `recovering(fn, args)` calls a bound function,
 * and when it is refused naming unknown arguments, moves each to the path the structured error
 * suggests (`e.error.didYouMean`) and calls once more. Answers `{ value, renamed, refused }`.
 */
export const RECOVERING = `function moveAt(root, from, to) {
  let source = root;
  for (const key of from.slice(0, -1)) source = source?.[key];
  const key = from[from.length - 1];
  if (!source || !(key in source)) return;
  const value = source[key];
  delete source[key];
  let target = root;
  for (const k of to.slice(0, -1)) target = target[k] ??= {};
  target[to[to.length - 1]] = value;
}
async function recovering(fn, args) {
  try {
    return { value: await fn(args), renamed: {}, refused: false };
  } catch (e) {
    const error = e.error;
    if (!error || error.kind !== 'invalid_input' || !error.unknown?.length) throw e;
    const renamed = error.didYouMean ?? {};
    const fixed = JSON.parse(JSON.stringify(args));
    for (const [from, to] of Object.entries(renamed)) moveAt(fixed, from.split('.'), to.split('.'));
    return { value: await fn(fixed), renamed, refused: true };
  }
}
`;
