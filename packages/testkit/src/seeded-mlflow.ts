import { type MlflowSeed, seedMlflow } from './mlflow-seed.js';
import { startMlflow } from './mlflow-server.js';
import type { RunningServer, StartServerOptions } from './running-server.js';

/** Start an MLflow server and seed it; the server is stopped again if seeding fails. */
export async function startSeededMlflow(
  opts: StartServerOptions = {},
): Promise<{ server: RunningServer; seed: MlflowSeed }> {
  const server = await startMlflow(opts);
  try {
    const started = Date.now();
    const seed = await seedMlflow(server.url);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`testkit: seeded ${seed.runs.length} mlflow runs in ${seconds} s\n`);
    return { server, seed };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
