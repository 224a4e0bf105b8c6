// The relay watchdog: re-dials when the circuit address goes, backs off while the relay is down, hangs up a connection that never gets a reservation.
import { afterEach, describe, expect, test } from 'vitest'
import { RelayWatchdog, redialDelay, type RelayWatchdogEvent } from './relayWatchdog.ts'

const watchdogs: RelayWatchdog[] = []
afterEach(() => {
  for (const w of watchdogs.splice(0)) w.stop()
})

function setup(options: { dialFails?: () => boolean } = {}) {
  let time = 0
  let reserved = true
  const dials: string[] = []
  const hangUps: string[] = []
  const events: RelayWatchdogEvent[] = []
  const watchdog = new RelayWatchdog({
    relayAddrs: ['/ip4/10.0.0.1/tcp/9945/ws/p2p/relayA', '/ip4/10.0.0.2/tcp/9945/ws/p2p/relayB'],
    hasCircuitAddress: () => reserved,
    dial: async (address) => {
      dials.push(address)
      if (options.dialFails?.()) throw new Error('connection refused')
    },
    hangUp: async (address) => void hangUps.push(address),
    intervalMs: 60_000,
    minBackoffMs: 100,
    maxBackoffMs: 1000,
    reservationGraceMs: 5000,
    now: () => time,
    onEvent: (event) => events.push(event),
  })
  watchdogs.push(watchdog)
  return {
    watchdog,
    dials,
    hangUps,
    events,
    advance: (ms: number) => void (time += ms),
    setReserved: (value: boolean) => void (reserved = value),
  }
}

describe('redialDelay', () => {
  test('doubles from the minimum up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => redialDelay(n, 250, 5000))).toEqual([0, 250, 500, 1000, 2000, 4000, 5000, 5000])
  })
})

describe('RelayWatchdog', () => {
  test('does nothing while the circuit address is there', async () => {
    const { watchdog, dials } = setup()
    watchdog.start()
    await watchdog.check()
    expect(dials).toEqual([])
    expect(watchdog.status()).toEqual({ reserved: true, redials: 0, failures: 0, lastError: undefined })
  })

  test('re-dials the first relay that answers when the address goes, then reports the reservation back', async () => {
    const { watchdog, dials, events, setReserved } = setup()
    watchdog.start()
    setReserved(false)
    await watchdog.check()
    expect(dials).toEqual(['/ip4/10.0.0.1/tcp/9945/ws/p2p/relayA'])
    expect(watchdog.status()).toMatchObject({ reserved: false, redials: 1 })
    // Connected, waiting for the reservation: no second dial within the grace period.
    await watchdog.check()
    expect(dials).toHaveLength(1)
    setReserved(true)
    await watchdog.check()
    expect(watchdog.status()).toMatchObject({ reserved: true, redials: 1, failures: 0 })
    expect(events.map((e) => e.type)).toEqual(['lost', 'redial', 'redialed', 'reserved'])
  })

  test('backs off while every relay refuses, then recovers when one answers', async () => {
    let down = true
    const { watchdog, dials, advance, setReserved } = setup({ dialFails: () => down })
    watchdog.start()
    setReserved(false)
    await watchdog.check()
    expect(dials).toHaveLength(2)
    expect(watchdog.status()).toMatchObject({ failures: 1, lastError: expect.stringMatching(/relayA: connection refused; .*relayB: connection refused/) })
    await watchdog.check()
    expect(dials).toHaveLength(2)
    advance(100)
    await watchdog.check()
    expect(dials).toHaveLength(4)
    expect(watchdog.status().failures).toBe(2)
    advance(150)
    await watchdog.check()
    expect(dials).toHaveLength(4)
    advance(50)
    down = false
    await watchdog.check()
    expect(dials).toHaveLength(5)
    setReserved(true)
    await watchdog.check()
    expect(watchdog.status()).toMatchObject({ reserved: true, failures: 0, redials: 1 })
  })

  test('a relay connection that gets no reservation within the grace period is hung up and dialled afresh', async () => {
    const { watchdog, dials, hangUps, advance, setReserved } = setup()
    watchdog.start()
    setReserved(false)
    await watchdog.check()
    advance(4999)
    await watchdog.check()
    expect(hangUps).toEqual([])
    advance(1)
    await watchdog.check()
    expect(hangUps).toEqual(['/ip4/10.0.0.1/tcp/9945/ws/p2p/relayA'])
    expect(dials).toHaveLength(2)
  })

  test('stops dialling once stopped, and needs a relay', async () => {
    const { watchdog, dials, setReserved } = setup()
    watchdog.start()
    watchdog.stop()
    setReserved(false)
    await watchdog.check()
    expect(dials).toEqual([])
    expect(() => new RelayWatchdog({ relayAddrs: [], hasCircuitAddress: () => false, dial: async () => {} })).toThrow(RangeError)
  })
})
