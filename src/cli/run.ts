import { UsageError, type CliIo } from './command'
import { COMMANDS } from './commands'
import { phase } from './phases'

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length))
  return [
    'socket-studio: design AWS API Gateway WebSocket APIs',
    '',
    'usage: npm run --silent cli -- <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n')
}

/** Dispatches argv to a command; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv
  if (!verb || verb === 'help' || verb === '--help' || verb === '-h') {
    io.stdout(helpText())
    return verb ? 0 : 2
  }
  const command = COMMANDS.find((c) => c.name === verb)
  if (!command) {
    io.stderr(`unknown command "${verb}"\n\n${helpText()}`)
    return 2
  }
  phase('bundle run')
  try {
    return await command.run(rest, io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\nusage: ${command.usage}\n`)
      return 2
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    return 70
  }
}
