import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@mlops-mcp/core';
import { parse, TomlError } from 'smol-toml';
import { expandHome } from './expand-home.js';

/** The settings table of the active Prefect profile, with where it was found. */
export interface PrefectProfile {
  name: string;
  /** The profiles file it came from, for error messages. */
  file: string;
  values: Record<string, unknown>;
}

/**
 * The profiles file Prefect reads (PrefectHQ/prefect: src/prefect/settings/sources.py,
 * `_get_profiles_path`): $PREFECT_PROFILES_PATH, else $PREFECT_HOME/profiles.toml, PREFECT_HOME
 * defaulting to ~/.prefect. Prefect also consults ./.env, ./prefect.toml and ./pyproject.toml;
 * a gateway's working directory is incidental, so those are not read here.
 */
export function prefectProfilesPath(env: NodeJS.ProcessEnv, homeDir: string): string {
  if (env.PREFECT_PROFILES_PATH) return expandHome(env.PREFECT_PROFILES_PATH, homeDir);
  const prefectHome = env.PREFECT_HOME
    ? expandHome(env.PREFECT_HOME, homeDir)
    : path.join(homeDir, '.prefect');
  return path.join(prefectHome, 'profiles.toml');
}

/**
 * Reads the active profile: the one PREFECT_PROFILE names, else the file's top-level `active`
 * key, as Prefect's ProfileSettingsTomlLoader picks it. Undefined when the file does not exist
 * or names no active profile. Throws ConfigError when the file cannot be read or parsed, or
 * the active profile is not in it: Prefect would only warn and fall back to its in-process
 * default, which here would silently hide the misconfiguration.
 */
export function readActivePrefectProfile(
  env: NodeJS.ProcessEnv,
  homeDir: string,
): PrefectProfile | undefined {
  const file = prefectProfilesPath(env, homeDir);
  const document = readToml(file);
  if (!document) return undefined;

  const active = document.active;
  if (active !== undefined && typeof active !== 'string') {
    throw new ConfigError(`The "active" key in Prefect profiles file ${file} must be a string.`);
  }
  const name = env.PREFECT_PROFILE || active;
  if (!name) return undefined;
  const chosenBy = env.PREFECT_PROFILE ? 'PREFECT_PROFILE' : `the "active" key of ${file}`;

  const profiles = document.profiles;
  const values = isTable(profiles) && Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  if (values === undefined) {
    throw new ConfigError(
      `Prefect profile "${name}" (chosen by ${chosenBy}) is not defined in ${file}; list profiles with "prefect profile ls".`,
    );
  }
  if (!isTable(values)) {
    throw new ConfigError(`Prefect profile "${name}" in ${file} must be a [profiles] table.`);
  }
  return { name, file, values };
}

/** Reads one setting of a profile as a string; undefined when absent or empty. */
export function profileString(profile: PrefectProfile, key: string): string | undefined {
  const value = profile.values[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new ConfigError(
      `${key} in Prefect profile "${profile.name}" of ${profile.file} must be a string.`,
    );
  }
  return value;
}

function readToml(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ConfigError(`Prefect profiles file ${file} could not be read (${code}).`);
  }
  try {
    return parse(text);
  } catch (error) {
    // smol-toml's message carries a code excerpt that may include an API key: keep only the
    // first line and the position, and do not attach the error as cause.
    const reason =
      error instanceof TomlError
        ? `${firstLine(error.message).replace(/^Invalid TOML document: /, '')} at line ${error.line}, column ${error.column}`
        : 'unparseable';
    throw new ConfigError(`Prefect profiles file ${file} is not valid TOML: ${reason}.`);
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
