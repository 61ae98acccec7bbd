import { describe, expect, test } from 'vitest';
import { type ComposeService, loadCompose } from '../../harness/compose/compose.js';
import { imageReference } from '../../harness/compose/image-reference.js';
import { COMPOSE_FILE } from '../../harness/repo/stack-files.js';
import { IMAGE_CONTENTS, type ImageContents, SHELL_BUILTINS } from './image-contents.js';

const compose = loadCompose();

/** The commands a shell script runs: the first word of each pipeline stage, quotes removed. */
function scriptCommands(script: string): string[] {
  return script
    .replace(/'[^']*'|"[^"]*"/g, "''")
    .split(/&&|\|\||[|;]/)
    .map((stage) => stage.trim().split(/\s+/)[0] ?? '')
    .filter((word) => word !== '');
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
