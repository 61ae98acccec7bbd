import { extract } from 'tar-stream';
import { getContainerRuntimeClient, ImageName } from 'testcontainers';

/** The numeric user and group a container's processes run as. */
export interface ProcessOwner {
  readonly uid: number;
  readonly gid: number;
}

const NUMBER = /^\d+$/;

/** The id of `name` in a passwd- or group-format file (`name:x:id:...`), if listed. */
export function idInDatabase(database: string, name: string): number | undefined {
  for (const line of database.split('\n')) {
    const [entry, , id] = line.split(':');
    if (entry === name && id !== undefined && NUMBER.test(id)) return Number(id);
  }
  return undefined;
}

/** Fields 3 and 4 (uid, gid) of the passwd line that `matches`. */
function passwdIds(passwd: string, matches: (name: string, uid: string) => boolean) {
  const fields = passwd
    .split('\n')
    .map((line) => line.split(':'))
    .find(([name = '', , uid = '']) => matches(name, uid));
  const [uid, gid] = [fields?.[2], fields?.[3]];
  return uid !== undefined && gid !== undefined && NUMBER.test(uid) && NUMBER.test(gid)
    ? { uid: Number(uid), gid: Number(gid) }
    : undefined;
}

/** Reads one text file out of an image without running it (distroless images have no shell). */
async function fileInImage(image: string, path: string): Promise<string | undefined> {
  const client = await getContainerRuntimeClient();
  const container = await client.container.create({ Image: image, Cmd: ['none'] });
  try {
    const archive = await container.getArchive({ path });
    const unpack = extract();
    const chunks: Buffer[] = [];
    unpack.on('entry', (_header, stream, next) => {
      stream.on('data', (chunk) => chunks.push(chunk as Buffer));
      stream.on('end', next);
    });
    await new Promise<void>((resolve, reject) => {
      unpack.on('finish', resolve).on('error', reject);
      archive.pipe(unpack);
    });
    return Buffer.concat(chunks).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await container.remove({ force: true });
  }
}

/**
 * Who a container of `image` runs as, from `user` (a compose `user:` override) or else the
 * image's own USER, with names looked up in the image's /etc/passwd and /etc/group as the
 * runtime would. Undefined for root, which can write anywhere.
 */
export async function processOwner(
  image: string,
  user?: string,
): Promise<ProcessOwner | undefined> {
  const client = await getContainerRuntimeClient();
  const spec = user ?? (await client.image.inspect(ImageName.fromString(image))).Config.User ?? '';
  if (spec === '' || spec === 'root' || spec === '0' || spec === '0:0') return undefined;
  const [userPart = '', groupPart] = spec.split(':');
  const byNumber = NUMBER.test(userPart);
  const needsPasswd = !byNumber || groupPart === undefined;
  const passwd = needsPasswd ? ((await fileInImage(image, '/etc/passwd')) ?? '') : '';
  const listed = passwdIds(passwd, (name, uid) =>
    byNumber ? uid === userPart : name === userPart,
  );
  const uid = byNumber ? Number(userPart) : listed?.uid;
  if (uid === undefined) {
    throw new Error(
      `image ${image} runs as user "${userPart}", which its /etc/passwd does not list`,
    );
  }
  // As the runtime does: the user's primary group, or group 0 for a uid passwd does not list.
  let gid: number | undefined;
  if (groupPart === undefined) gid = listed?.gid ?? 0;
  else if (NUMBER.test(groupPart)) gid = Number(groupPart);
  else gid = idInDatabase((await fileInImage(image, '/etc/group')) ?? '', groupPart);
  if (gid === undefined)
    throw new Error(`image ${image}: no group "${groupPart}" in its /etc/group`);
  return { uid, gid };
}
