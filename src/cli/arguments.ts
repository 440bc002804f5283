// What every `tandem` command does with its arguments: node:util parseArgs, then a zod schema; both fail as
// a UsageError (one line, exit code 2) that names the flag.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { emailAddress } from '../kpi/address.ts';
import { UsageError } from './usage-error.ts';

/** The flags of the command line as parseArgs reads them; unknown flags and positionals are errors. */
export function parseCommandLine<const Options extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: Options, command: string) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (try: tandem ${command} --help)`, { cause: error });
  }
}

/** Validates parsed flags; every problem is named on one line. */
export function validateArguments<Schema extends z.ZodType>(schema: Schema, values: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}

/** A lower-cased e-mail address given with `flag`, under the rule every surface shares. */
export const address = (flag: string) => emailAddress((input) => `${flag} must be an e-mail address (got "${String(input)}")`);

/** A tenant's verified domain given with `flag`. */
export const domain = (flag: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: `${flag} must be a domain like contoso.com` });

/** The part of an address after the @. */
export const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);
