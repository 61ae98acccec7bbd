import { describe, expect, test } from 'vitest';
import { type ComposeService, loadCompose } from '../../harness/compose/compose.js';
import { imageReference } from '../../harness/compose/image-reference.js';
import { readRepoFile } from '../../harness/repo/repo.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';
import { IMAGE_CONTENTS, type ImageContents, SHELL_BUILTINS } from './image-contents.js';

const compose = loadCompose();

/** Words that open a compound command or a test; the command, if any, follows them. */
const SHELL_KEYWORDS = ['if', 'then', 'elif', 'else', 'fi', 'while', 'do', 'done', '!', '{', '}'];

/**
 * The commands a shell script runs: the first word of each pipeline stage, after quotes,
 * comments, subshell parentheses and the keywords of compound commands; a stage that only
 * assigns a variable runs nothing.
 */
function scriptCommands(script: string): string[] {
  return script
    .replace(/^\s*#.*$/gm, '')
    .replace(/'[^']*'|"[^"]*"/g, "''")
    .split(/&&|\|\||[|;\n()]/)
    .map((stage) => {
      const words = stage.trim().split(/\s+/);
      while (SHELL_KEYWORDS.includes(words[0] ?? '')) words.shift();
      return words[0] ?? '';
    })
    .filter((word) => word !== '' && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word));
}

/**
 * The program each service's healthcheck needs, and why its image has it (upstream's
 * Dockerfile at the pinned tag, recorded in image-contents.ts). Mimir has none: its image
 * is distroless and its binary has no health flag, so mimir-ready asks for it.
 */
const CHECK_PROGRAM: Readonly<Record<string, string>> = {
  tempo: '/tempo',
  loki: '/usr/bin/loki',
  pyroscope: '/usr/bin/profilecli',
  alloy: 'bash',
  'mimir-ready': 'bash',
  grafana: 'curl',
};

/** A file of this repository that compose mounts into the service, by its path inside. */
function mountedScript(service: ComposeService, path: string): string | undefined {
  const mount = service.mounts.find((m) => m.type === 'bind' && m.target === path);
  return mount?.source?.startsWith('./') ? mount.source.slice(2) : undefined;
}

function problemsWith(service: ComposeService, image: ImageContents, argv: string[]): string[] {
  const where = `${COMPOSE_FILE}: services.${service.name}.healthcheck.test`;
  const [kind, ...rest] = argv;
  if (kind === 'NONE') return [];
  const shell = image.programs.find((p) => p === 'sh' || p === 'bash');
  const script =
    kind === 'CMD-SHELL'
      ? rest.join(' ')
      : kind === 'CMD' && ['sh', 'bash'].includes(rest[0] ?? '') && rest[1] === '-c'
        ? rest.slice(2).join(' ')
        : undefined;
  if (kind === 'CMD-SHELL' && shell === undefined) {
    return [`${where}: CMD-SHELL needs a shell, and ${service.image} has none (${image.source})`];
  }
  if (script !== undefined) {
    return scriptCommands(script)
      .filter((word) => !SHELL_BUILTINS.includes(word) && !image.programs.includes(word))
      .map(
        (word) =>
          `${where}: runs "${word}", which ${service.image} does not have (has ${image.programs.join(', ')}; ${image.source})`,
      );
  }
  if (kind !== 'CMD') return [`${where}: expected CMD, CMD-SHELL or NONE, got ${kind}`];
  const [program = ''] = rest;
  if (image.programs.includes(program)) return [];
  const known = image.healthCommands.some((command) =>
    command.every((word, i) => rest[i] === word),
  );
  if (known) return [];
  const offers = [...image.programs, ...image.healthCommands.map((c) => c.join(' '))];
  return [
    `${where}: runs "${rest.join(' ')}", which ${service.image} cannot run (it offers: ${offers.join(', ') || 'nothing'}; ${image.source})`,
  ];
}

describe(`${COMPOSE_FILE} healthchecks`, () => {
  const pulled = compose.services.filter((service) => service.image !== undefined);

  test('every pulled image is one whose contents were read at its tag', () => {
    const problems = pulled.flatMap((service) => {
      const { repository, tag = '' } = imageReference(service.image ?? '');
      const image = IMAGE_CONTENTS[repository];
      if (!image)
        return [
          `${COMPOSE_FILE}: services.${service.name}.image: ${repository} is not in test/stack/image-contents.ts`,
        ];
      return image.tags.test(tag)
        ? []
        : [
            `${COMPOSE_FILE}: services.${service.name}.image: tag ${tag} is outside ${image.tags} (test/stack/image-contents.ts was read from ${image.source}): re-read it`,
          ];
    });
    expect(problems).toEqual([]);
  });

  test('every entrypoint set in compose runs a program its image has', () => {
    const problems = pulled.flatMap((service) => {
      const image = IMAGE_CONTENTS[imageReference(service.image ?? '').repository];
      const [program] = service.entrypoint;
      if (!image || program === undefined || image.programs.includes(program)) return [];
      return [
        `${COMPOSE_FILE}: services.${service.name}.entrypoint: runs "${program}", which ${service.image} does not have (has ${image.programs.join(', ')}; ${image.source})`,
      ];
    });
    expect(problems).toEqual([]);
  });

  test.each(Object.entries(CHECK_PROGRAM))(
    '%s: its healthcheck runs %s, which the pinned image has',
    (name, program) => {
      const service = compose.services.find((s) => s.name === name);
      const check = (service?.healthcheck?.test ?? []) as unknown[];
      const argv = check.map(String);
      const runs =
        argv[0] === 'CMD' && argv[1] === program
          ? program
          : argv[0] === 'CMD' && ['sh', 'bash'].includes(argv[1] ?? '') && argv[2] === '-c'
            ? argv[1]
            : undefined;
      expect(
        runs,
        `${COMPOSE_FILE}: services.${name}.healthcheck.test: expected it to run ${program}`,
      ).toBe(program);
      const image = IMAGE_CONTENTS[imageReference(service?.image ?? '').repository];
      const has =
        image?.programs.includes(program) ||
        image?.healthCommands.some((command) => command[0] === program);
      expect(has, `${service?.image} has no ${program} (${image?.source})`).toBe(true);
    },
  );

  test('every script of this repository that an entrypoint runs uses only what its image has', () => {
    const problems = pulled.flatMap((service) => {
      const image = IMAGE_CONTENTS[imageReference(service.image ?? '').repository];
      if (!image) return [];
      return service.entrypoint.flatMap((argument) => {
        const script = mountedScript(service, argument);
        if (script === undefined) return [];
        return scriptCommands(readRepoFile(script))
          .filter((word) => !SHELL_BUILTINS.includes(word) && !image.programs.includes(word))
          .map(
            (word) =>
              `${script} (services.${service.name}.entrypoint): runs "${word}", which ${service.image} does not have (has ${image.programs.join(', ')}; ${image.source})`,
          );
      });
    });
    expect(problems).toEqual([]);
  });

  test('every healthcheck runs only what its image has', () => {
    const problems = pulled.flatMap((service) => {
      const image = IMAGE_CONTENTS[imageReference(service.image ?? '').repository];
      const check = service.healthcheck?.test;
      if (!image || check === undefined) return [];
      const argv = Array.isArray(check) ? check.map(String) : ['CMD-SHELL', String(check)];
      return problemsWith(service, image, argv);
    });
    expect(problems).toEqual([]);
  });
});
