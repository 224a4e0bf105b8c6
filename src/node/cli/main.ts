// Entry of the `webtensor` CLI: parses the command line, runs the command, stops cleanly on SIGINT/SIGTERM.
import { parseCommand, UsageError } from './args.ts'
import { listenForStop } from './signals.ts'

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
  if (command.command === 'miner') {
    const { startHeadlessMiner } = await import('../peers/miner.ts')
    const { behaviourFrom } = await import('../peers/adversaries.ts')
    const { url, netuid, modelPath, hotkeyUri, coldkeyUri } = command
    const stop = listenForStop('miner')
    let miner
    try {
      const behaviour = await behaviourFrom(command.behaviour, hotkeyUri)
      if (behaviour) console.log(`behaviour: ${behaviour.name}`)
      miner = await startHeadlessMiner({ url, netuid, modelPath, hotkeyUri, coldkeyUri, behaviour, log: (line) => console.log(line) })
    } catch (error) {
      console.error(`webtensor miner: ${(error as Error).message}`)
      stop.dispose()
      return 1
    }
    stop.started()
    await stop.signal
    console.log(`stopping: ${miner.served()} queries answered`)
    await miner.stop()
    return 0
  }
  if (command.command === 'validator') {
    const { startHeadlessValidator } = await import('../peers/validator.ts')
    const { url, netuid, hotkeyUri, task, intervalMs, deadlineMs } = command
    const stop = listenForStop('validator')
    let validator
    try {
      validator = await startHeadlessValidator({ url, netuid, hotkeyUri, taskId: task, intervalMs, deadlineMs, log: (line) => console.log(line) })
    } catch (error) {
      console.error(`webtensor validator: ${(error as Error).message}`)
      stop.dispose()
      return 1
    }
    stop.started()
    await stop.signal
    console.log(`stopping: ${validator.validator.history().filter((w) => w.ok).length} weights transactions sent`)
    await validator.stop()
    return 0
  }
  if (command.command === 'demo') {
    const { startDemoNetwork } = await import('../demo/run.ts')
    const stop = listenForStop('demo')
    let demo
    try {
      demo = await startDemoNetwork({ url: command.url, log: (line) => console.log(line) })
    } catch (error) {
      console.error(`webtensor demo: ${(error as Error).message}`)
      stop.dispose()
      return 1
    }
    stop.started()
    console.log(`demo network running: ${demo.miners.length} miners and ${demo.validators.length} validators (Ctrl-C stops them)`)
    await stop.signal
    await demo.stop()
    return 0
  }
  const { runDevnet } = await import('../devnet.ts')
  return runDevnet(command)
}

process.exitCode = await main(process.argv.slice(2))
