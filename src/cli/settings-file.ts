// A pairing's KPI settings from a JSON file plus --tz, as `tandem report` and `tandem pairing add` take them.
import { readFile } from 'node:fs/promises';
import { parseSettings, SettingsError, type Settings } from '../kpi/settings.ts';
import { UsageError } from './usage-error.ts';

async function readSettingsFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read settings file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`settings file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`settings file ${path} must hold a JSON object of settings`);
  }
  return parsed as Record<string, unknown>;
}

/** Settings from the file plus --tz; a flag that contradicts the file is an error, never a silent override. */
export async function resolveSettings(file: string | undefined, tz: string | undefined): Promise<Settings> {
  const fromFile = file === undefined ? {} : await readSettingsFile(file);
  if (tz !== undefined && fromFile.timeZone !== undefined && fromFile.timeZone !== tz) {
    throw new UsageError(`--tz ${tz} contradicts timeZone "${String(fromFile.timeZone)}" in ${file}; give the time zone once`);
  }
  try {
    return parseSettings(tz === undefined ? fromFile : { ...fromFile, timeZone: tz });
  } catch (error) {
    if (error instanceof SettingsError) {
      const problems = error.problems.map((problem) => problem.replace(/^timeZone /, tz !== undefined ? '--tz ' : 'timeZone '));
      throw new UsageError(problems.join('; '), { cause: error });
    }
    throw error;
  }
}
