import type { z } from 'zod';
import { ConfigError } from './config-error.js';

/** The environment as an entry point hands it over; nothing else reads `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

interface SectionOptions {
  /** Surrounding spaces dropped before checking (the OTel spec's variables allow them). */
  readonly trim?: boolean;
}

/** The variables of one concern, checked together and turned into that concern's settings. */
export interface Section<T> {
  readonly variables: readonly string[];
  read(env: Environment): { ok: true; value: T } | { ok: false; problems: string[] };
}

export function defineSection<Shape extends z.ZodRawShape, T>(
  schema: z.ZodObject<Shape>,
  build: (values: z.output<z.ZodObject<Shape>>) => T,
  options: SectionOptions = {},
): Section<T> {
  const variables = Object.keys(schema.shape);
  return {
    variables,
    read(env) {
      // An empty variable counts as unset, as `FOO= cmd` and compose's `FOO:` intend.
      const input = Object.fromEntries(
        variables.map((name) => {
          const raw = options.trim ? env[name]?.trim() : env[name];
          return [name, raw === '' ? undefined : raw];
        }),
      );
      const parsed = schema.safeParse(input);
      if (parsed.success) return { ok: true, value: build(parsed.data) };
      return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
    },
  };
}

type Values<Sections> = { [K in keyof Sections]: Sections[K] extends Section<infer T> ? T : never };

/** Every section's settings, or one ConfigError listing every bad variable of all of them. */
export function readSections<Sections extends Record<string, Section<unknown>>>(
  env: Environment,
  sections: Sections,
): Values<Sections> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, section] of Object.entries(sections)) {
    const result = section.read(env);
    if (result.ok) values[key] = result.value;
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return values as Values<Sections>;
}
