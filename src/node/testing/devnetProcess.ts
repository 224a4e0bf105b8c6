// Test fixture: the `webtensor devnet` command on the fake runtime, as a process tests can signal and kill: `node --import tsx devnetProcess.ts devnet [flags]`.
import { parseCommand, UsageError } from '../cli/args.ts'
import { runDevnet } from '../devnet.ts'
import { createFakeRuntime } from './fakeRuntime.ts'

let command
try {
  command = parseCommand(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  console.error(`webtensor: ${error.message}`)
  process.exit(2)
}
if (command.command !== 'devnet') throw new Error(`devnetProcess runs the devnet command, not ${command.command}`)
process.exitCode = await runDevnet(command, { runtime: createFakeRuntime() })
