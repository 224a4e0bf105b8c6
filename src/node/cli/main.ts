// Entry of the `webtensor` CLI: parses the command line, runs the command, stops cleanly on SIGINT/SIGTERM.
import { parseCommand, UsageError } from './args.ts'

async function main(argv: string[]): Promise<number> {
  let command
  try {
    command = parseCommand(argv)
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`webtensor: ${e.message}`)
      return 2
    }
    throw e
  }
  if (command.command === 'help') {
    console.log(command.text)
    return 0
  }
  const { runDevnet } = await import('../devnet.ts')
  return runDevnet(command)
}

process.exitCode = await main(process.argv.slice(2))
