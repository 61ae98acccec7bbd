/**
 * What each pinned image can run and write, read from the upstream Dockerfile (and, for the
 * health flags, the binary's main package) at the pinned version.
 * - A healthcheck can only use these programs: Docker runs it inside the container, and a
 *   missing program fails it forever, which keeps every service that depends on it
 *   (condition: service_healthy) from starting.
 * - A non-root image can only write where the image created a directory for its user: a new
 *   named volume takes the owner of the directory it is mounted on, and is root-owned when
 *   the image has no such directory.
 * Re-read the sources when a tag moves out of `tags`.
 */

export interface ImageContents {
  /** The tags this entry was read for. */
  readonly tags: RegExp;
  /** Where it was read. */
  readonly source: string;
  /** Programs on the PATH or at an absolute path; empty for a distroless image. */
  readonly programs: readonly string[];
  /** Whole health commands a distroless image offers: the binary and its health flag. */
  readonly healthCommands: readonly (readonly string[])[];
  /** The user the image runs as (its last USER; root without one). */
  readonly user: string;
  /** Directories the image creates for that user, when it is not root. */
  readonly writableDirs: readonly string[];
}

export const IMAGE_CONTENTS: Readonly<Record<string, ImageContents>> = {
  // Ubuntu noble with ca-certificates, libsystemd0 and tzdata added: bash and coreutils
  // (sleep, which mimir-ready runs), no curl, no wget. The newest 1.19 tag that could be
  // fetched here is v1.19.0-rc.3; the pinned v1.19.2 is a patch release of that line.
  'grafana/alloy': {
    tags: /^v1\.19\.\d+$/,
    source: 'grafana/alloy v1.19.0-rc.3 Dockerfile (final stage)',
    programs: ['bash', 'sh', 'head', 'grep', 'cat', 'sleep', 'alloy', '/bin/alloy'],
    healthCommands: [],
    // It creates an alloy user (uid 473) but does not switch to it.
    user: 'root',
    writableDirs: [],
  },
  // distroless/static-debian12 with the binary at /tempo; -health asks /ready (since 3.0.0).
  'grafana/tempo': {
    tags: /^3\.0\.\d+$/,
    source: 'grafana/tempo v3.0.3 cmd/tempo/Dockerfile, cmd/tempo/main.go and health.go',
    programs: [],
    healthCommands: [['/tempo', '-health']],
    user: '10001',
    writableDirs: ['/var/tempo'],
  },
  // distroless/static:nonroot with the binary at /usr/bin/loki; -health asks /ready (3.7.0+).
  // Read at v3.7.6 (cmd/loki unchanged in the 3.7.7 release commit); 3.7.8 could not be
  // fetched here.
  'grafana/loki': {
    tags: /^3\.7\.\d+$/,
    source:
      'grafana/loki v3.7.6 cmd/loki/Dockerfile, release/cmd/loki/Dockerfile (images.yml) and cmd/loki/health.go',
    programs: [],
    healthCommands: [['/usr/bin/loki', '-health']],
    user: '10001',
    writableDirs: ['/loki', '/etc/loki'],
  },
  // distroless, /bin/mimir, and no health flag. grafana/mimir is distroless since 2.13
  // (grafana/mimir#8204, which moved the Alpine image, with busybox's wget, to
  // grafana/mimir-alpine); a healthcheck inside the image was asked for and not merged
  // (grafana/mimir#9034, #9035).
  // Not read at 3.2.1: the repository is too large to fetch here.
  'grafana/mimir': {
    tags: /^3\.2\.\d+$/,
    source: 'grafana/mimir#8204 (distroless by default), cmd/mimir/main.go',
    programs: [],
    healthCommands: [],
    // distroless/static-debian12 without a USER (grafana/mimir#1144, non-root, is open).
    user: 'root',
    writableDirs: [],
  },
  // distroless/static with /usr/bin/pyroscope (no health flag) and /usr/bin/profilecli,
  // whose `ready` command asks /ready and exits 1 unless it answers 200.
  'grafana/pyroscope': {
    tags: /^2\.2\.\d+$/,
    source:
      'grafana/pyroscope v2.2.1 cmd/pyroscope/Dockerfile, cmd/pyroscope/main.go, cmd/profilecli/ready.go',
    programs: [],
    healthCommands: [['/usr/bin/profilecli', 'ready']],
    user: 'pyroscope',
    // Also /data-compactor and /data-metastore (v1 paths), which this config does not use.
    writableDirs: ['/data'],
  },
  // Alpine (busybox, so wget too) or Ubuntu, depending on the build; both variants install
  // bash and curl, only the Alpine one has wget. head, base64 and tr (admin-password.sh)
  // are busybox applets in one and coreutils in the other. ENTRYPOINT is /run.sh, with no
  // CMD. Read in a 2025 version (Go 1.24.2 build stage): the repository is too large to
  // fetch at 13.2.3 here.
  'grafana/grafana': {
    tags: /^13\.2\.\d+$/,
    source: 'grafana/grafana Dockerfile (final stage, GO_IMAGE golang:1.24.2)',
    programs: ['bash', 'sh', 'curl', 'head', 'base64', 'tr', '/run.sh'],
    healthCommands: [],
    user: '472',
    writableDirs: ['/var/lib/grafana', '/var/log/grafana', '/etc/grafana/provisioning'],
  },
};

/** Shell builtins a healthcheck script may use without a program of that name. */
export const SHELL_BUILTINS = [
  'exec',
  'printf',
  'echo',
  'test',
  '[',
  '[[',
  'read',
  'true',
  'false',
  'set',
  'unset',
  'export',
  'umask',
];
