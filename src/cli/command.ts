/**
 * The CLI command contract. Each verb lives in its own file under `commands/` and is listed in
 * `commands/index.ts`; `main.ts` only dispatches. Commands get their I/O injected so tests can run them
 * in-process without spawning node.
 */

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readFile: (path: string) => string
  writeFile: (path: string, contents: string) => void
  exists: (path: string) => boolean
  /** The names in a directory, or undefined when the path is not a directory. */
  listDir: (path: string) => string[] | undefined
  mkdirp: (path: string) => void
  cwd: string
}

export interface Command {
  name: string
  /** One line for the help table. */
  summary: string
  /** Usage line, e.g. `validate <design>`. */
  usage: string
  /** Returns the process exit code: 0 ok, 1 the input has errors, 2 unreadable input or bad usage. */
  run: (args: string[], io: CliIo) => number | Promise<number>
}

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[]
  flags: Record<string, string | true>
}

/**
 * Minimal flag parser: `--name value`, `--name=value`, bare `--switch` (listed in `switches`), `-o` aliases.
 * Unknown flags are a usage error so typos are not silently ignored.
 */
export function parseArgs(
  args: string[],
  spec: { values?: string[]; switches?: string[]; aliases?: Record<string, string> },
): ParsedArgs {
  const values = new Set(spec.values ?? [])
  const switches = new Set(spec.switches ?? [])
  const out: ParsedArgs = { positional: [], flags: {} }
  for (let i = 0; i < args.length; i++) {
    let a = args[i]
    if (spec.aliases?.[a]) a = spec.aliases[a]
    if (!a.startsWith('--') || a === '--') {
      out.positional.push(a)
      continue
    }
    const eq = a.indexOf('=')
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2)
    if (switches.has(name) && eq < 0) {
      out.flags[name] = true
    } else if (values.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i]
      if (v === undefined) throw new UsageError(`--${name} needs a value`)
      out.flags[name] = v
    } else {
      throw new UsageError(`unknown option --${name}`)
    }
  }
  return out
}

/** Reads an input file; on failure prints `<file>: cannot read: …` and returns undefined (the caller exits 2). */
export function readText(io: CliIo, file: string): { ok: true; text: string } | { ok: false } {
  try {
    return { ok: true, text: io.readFile(file) }
  } catch (e) {
    io.stderr(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}\n`)
    return { ok: false }
  }
}
