/** The parent environment minus variables whose names start with any of `prefixes`, plus `extra`. */
export function childEnv(prefixes: string[], extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!prefixes.some((prefix) => key.startsWith(prefix))) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Settings that keep a Python backend offline, quiet and its output unbuffered. */
export const OFFLINE_PYTHON_ENV: Record<string, string> = {
  PYTHONUNBUFFERED: '1',
  DO_NOT_TRACK: 'true',
  NO_PROXY: '127.0.0.1,localhost',
  no_proxy: '127.0.0.1,localhost',
};
