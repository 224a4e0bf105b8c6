// The devnet's data directory: created on demand (or as a throwaway temp dir with --tmp), held by one process at a time through a lock file naming its pid.
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const LOCK_FILE = 'LOCK'
const DATABASE_FILE = 'chain.sqlite'

/** Directories this process holds: a lock file with our own pid is ours only if listed here (pids are reused, e.g. pid 1 in containers). */
const heldHere = new Set<string>()

export class DataDirError extends Error {
  override name = 'DataDirError'
}

export type DataDir = {
  /** Absolute path of the directory. */
  path: string
  /** The SQLite database inside it. */
  databasePath: string
  /** Whether `release` deletes the directory (--tmp). */
  temporary: boolean
  /** Removes the lock (and, for a temporary directory, everything). Safe to call twice. */
  release(): void
}

/**
 * Takes `path` (created if missing), or a fresh temp directory when `path` is undefined. Refuses a directory another
 * live process holds; a lock left by a process that died (kill -9) is taken over.
 */
export function acquireDataDir(path: string | undefined): DataDir {
  const temporary = path === undefined
  const dir = temporary ? mkdtempSync(join(tmpdir(), 'webtensor-devnet-')) : resolve(path)
  try {
    mkdirSync(dir, { recursive: true })
  } catch (error) {
    throw new DataDirError(`cannot create the data directory ${dir}: ${(error as Error).message}`)
  }
  const lockPath = join(dir, LOCK_FILE)
  try {
    takeLock(lockPath, dir)
  } catch (error) {
    if (temporary) rmSync(dir, { recursive: true, force: true })
    throw error
  }
  let released = false
  return {
    path: dir,
    databasePath: join(dir, DATABASE_FILE),
    temporary,
    release() {
      if (released) return
      released = true
      heldHere.delete(dir)
      if (temporary) return rmSync(dir, { recursive: true, force: true })
      try {
        if (readLockPid(lockPath) === process.pid) unlinkSync(lockPath)
      } catch {
        // Already gone: nothing to release.
      }
    },
  }
}

function takeLock(lockPath: string, dir: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number
    try {
      fd = openSync(lockPath, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataDirError(`cannot lock the data directory ${dir}: ${(error as Error).message}`)
      }
      const holder = readLockPid(lockPath)
      const inUse = holder === process.pid ? heldHere.has(dir) : holder !== undefined && isAlive(holder)
      if (inUse) {
        throw new DataDirError(`the data directory ${dir} is in use by another devnet (pid ${holder}); stop it or choose another --base-path`)
      }
      // A stale lock (its process is gone, or the file is unreadable): remove it and try once more.
      rmSync(lockPath, { force: true })
      continue
    }
    try {
      writeSync(fd, `${process.pid}\n`)
    } finally {
      closeSync(fd)
    }
    heldHere.add(dir)
    return
  }
  throw new DataDirError(`cannot lock the data directory ${dir}: another process keeps taking the lock`)
}

function readLockPid(lockPath: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').trim())
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
