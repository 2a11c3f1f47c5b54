import { randomBytes } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../../errors.js';

/**
 * Checks, before any server is started, that a file can be written where the user asked: not a
 * folder, in a folder that exists (none is created silently), and one that takes new files (the
 * snapshot is written to a temporary file there and renamed). A capture can take minutes; finding
 * out afterwards that its result cannot be saved wastes them, and used to end in an internal error.
 */
export async function assertWritableFile(path: string, flag: string): Promise<void> {
  const file = resolve(path);
  const folder = dirname(file);
  const shown = JSON.stringify(path);
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw new UserError(`${flag} ${shown} is a folder.`, { hint: `Give a file name, e.g. ${flag} ${join(path, 'mcp-snapshot.json')}.` });
  const parent = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
  if (parent instanceof Error) {
    if (parent.code === 'ENOENT') throw new UserError(`${flag} ${shown}: folder ${folder} does not exist.`, { hint: 'Create it first; mcp-compat creates no folders.' });
    throw new UserError(`${flag} ${shown}: cannot reach folder ${folder} (${reason(parent)}).`);
  }
  if (!parent.isDirectory()) throw new UserError(`${flag} ${shown}: ${folder} is not a folder.`);
  // The one reliable test of "can a file be created here" (permissions, read-only mounts, ACLs, root): create one.
  const probe = join(folder, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.probe`);
  try {
    await (await open(probe, 'wx')).close();
  } catch (error) {
    throw new UserError(`${flag} ${shown}: cannot create a file in folder ${folder} (${reason(error as NodeJS.ErrnoException)}).`, { hint: 'Choose a folder you can write to.' });
  }
  await rm(probe, { force: true });
}

function reason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error.code ?? error.message;
  }
}
