import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { GenericContainer } from 'testcontainers';
import { REPO_ROOT, readRepoFile } from '../repo/repo.js';

/**
 * The images the suites build themselves, from this repository: the bot's (bot/Dockerfile,
 * as compose builds it) and the harness's backend-shaped test image. Both build on a Node
 * base: the Dockerfile's own default, or the one named by ROBOSHPEE_NODE_IMAGE, which
 * scripts/node-base-image.sh assembles where no registry can be reached.
 */
export const NODE_IMAGE_VARIABLE = 'ROBOSHPEE_NODE_IMAGE';

export const BOT_DOCKERFILE = 'bot/Dockerfile';
export const BOT_IMAGE = 'roboshpee-bot:integration';
export const BACKEND_SHAPED_IMAGE = 'roboshpee-test/backend-shaped:integration';
const BACKEND_SHAPED_CONTEXT = 'harness/containers/backend-shaped';

/** Where bot/Dockerfile's build stage finds extra CA certificates (bot/build-ca/README.md). */
const BUILD_CA_COPY = 'bot/build-ca/host-node-extra-ca-certs.pem';

/** The base image the builds use: ROBOSHPEE_NODE_IMAGE, else bot/Dockerfile's default. */
export function nodeBaseImage(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[NODE_IMAGE_VARIABLE];
  if (chosen) return chosen;
  const declared = /^ARG NODE_IMAGE=(\S+)$/m.exec(readRepoFile(BOT_DOCKERFILE))?.[1];
  if (declared === undefined)
    throw new Error(`${BOT_DOCKERFILE}: no "ARG NODE_IMAGE=<image>" line`);
  return declared;
}

/**
 * Hands the host's NODE_EXTRA_CA_CERTS (a TLS-inspecting proxy's CA, for one) to the build
 * stage's npm, the way a user would (bot/build-ca/README.md). Rewritten only when it changed,
 * so that the build cache of `npm ci` survives.
 */
function shareHostCertificates(env: NodeJS.ProcessEnv): void {
  const source = env.NODE_EXTRA_CA_CERTS;
  if (!source || !existsSync(source)) return;
  const target = `${REPO_ROOT}${BUILD_CA_COPY}`;
  if (existsSync(target) && readFileSync(target).equals(readFileSync(source))) return;
  copyFileSync(source, target);
}

async function build(context: string, dockerfile: string, image: string): Promise<string> {
  try {
    await GenericContainer.fromDockerfile(context, dockerfile)
      .withBuildArgs({ NODE_IMAGE: nodeBaseImage() })
      .build(image, { deleteOnExit: false });
  } catch (error) {
    throw new Error(
      `building ${image} from ${dockerfile} failed (${(error as Error).message}); rerun with DEBUG=testcontainers:build for the build log`,
    );
  }
  return image;
}

/** Builds the bot's image from bot/Dockerfile with the repository root as context, as compose does. */
export function buildBotImage(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  shareHostCertificates(env);
  return build(REPO_ROOT, BOT_DOCKERFILE, BOT_IMAGE);
}

export function buildBackendShapedImage(): Promise<string> {
  return build(`${REPO_ROOT}${BACKEND_SHAPED_CONTEXT}`, 'Dockerfile', BACKEND_SHAPED_IMAGE);
}
