// What libp2p 3 needs that Node 20 lacks (Node ≥ 22 has both): Promise.withResolvers, and a global WebSocket for the websockets transport's dials (from `ws`). Import before libp2p.
import { WebSocket as WsWebSocket } from 'ws'

if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>(this: PromiseConstructor) {
      let resolve!: (value: T | PromiseLike<T>) => void
      let reject!: (reason?: unknown) => void
      const promise = new this<T>((res, rej) => {
        resolve = res
        reject = rej
      })
      return { promise, resolve, reject }
    },
  })
}

/**
 * `ws` is an EventEmitter: an 'error' nobody listens to is thrown, where a browser's (or Node 22's) WebSocket only
 * dispatches it. libp2p stops listening once a dial failed, and closing a socket still connecting emits one more error
 * (an uncaught ECONNREFUSED). A no-op listener restores the browser behaviour; every other listener still gets the error.
 */
class BrowserLikeWebSocket extends WsWebSocket {
  constructor(...args: ConstructorParameters<typeof WsWebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

if (typeof globalThis.WebSocket !== 'function') {
  Object.defineProperty(globalThis, 'WebSocket', { configurable: true, writable: true, value: BrowserLikeWebSocket })
}
