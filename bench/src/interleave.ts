/** One side of a side-by-side measurement: a named async operation. */
export interface Arm {
  name: string;
  run(): Promise<unknown>;
}

export interface InterleaveOptions {
  /** Untimed calls of every arm before measuring (JIT, keep-alive pools, backend caches). */
  warmup: number;
  /** Rounds reported separately, so a ratio comes with its spread across rounds. */
  rounds: number;
  /** Timed calls of every arm per round. */
  iterations: number;
}

/** Latency samples in milliseconds: `samples[arm][round][i]`. */
export type RoundSamples = Record<string, number[][]>;

/**
 * Measures arms side by side: every iteration calls each arm once, in an order that rotates from
 * one iteration to the next, so machine noise (other processes on shared cores) lands on all
 * arms alike instead of on whichever arm ran during a busy spell.
 */
export async function interleave(
  arms: readonly Arm[],
  options: InterleaveOptions,
): Promise<RoundSamples> {
  for (let i = 0; i < options.warmup; i++) {
    for (const arm of rotate(arms, i)) await arm.run();
  }
  const samples: RoundSamples = Object.fromEntries(arms.map((arm) => [arm.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const arm of arms) samples[arm.name]!.push([]);
    for (let i = 0; i < options.iterations; i++) {
      for (const arm of rotate(arms, round * options.iterations + i)) {
        const started = performance.now();
        await arm.run();
        samples[arm.name]![round]!.push(performance.now() - started);
      }
    }
  }
  return samples;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
