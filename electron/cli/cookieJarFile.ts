import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { CookieJar } from 'tough-cookie'
import { JarCookies } from '../core/cookies/jarCookies'
import { CookieFileError, readNetscapeFile, toNetscapeFile } from '../core/cookies/netscapeCookies'
import { writeFileAtomic } from '../core/workspace/atomicFiles'
import { UsageError } from './cliIo'

/** The jar of `--cookie-jar FILE`: read before the send or run, written back after. */
export interface CookieJarFile {
  cookies: JarCookies
  save(): Promise<void>
}

/**
 * Reads FILE into a jar (a missing file is an empty jar, as curl's -c makes one). A
 * malformed file stops the command before anything is sent, naming the line.
 */
export async function openCookieJarFile(path: string): Promise<CookieJarFile> {
  const file = resolve(path)
  const jar = new CookieJar()
  let text = ''
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UsageError(
        `The cookie jar ${file} could not be read (${(error as Error).message}). Check the path given to --cookie-jar.`,
      )
    }
  }
  try {
    await readNetscapeFile(text, jar)
  } catch (error) {
    if (!(error instanceof CookieFileError)) throw error
    throw new UsageError(
      `The cookie jar ${file} is not a Netscape cookie file: ${error.message}. Give --cookie-jar a file written by curl -c or by Courier, or a new path.`,
    )
  }
  return {
    cookies: new JarCookies(jar),
    save: async () => {
      try {
        // Cookie values are credentials: the file is the user's alone.
        await writeFileAtomic(file, await toNetscapeFile(jar), { mode: 0o600 })
      } catch (error) {
        throw new UsageError(`The cookie jar could not be saved: ${(error as Error).message}`)
      }
    },
  }
}
