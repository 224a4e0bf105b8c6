// Limits and names of the /webtensor/query/1.0.0 protocol, each with the reason for its value.

/** The libp2p protocol id; bumped when the wire format or the signing payloads change. */
export const PROTOCOL = '/webtensor/query/1.0.0'

/** Signing-payload domains: a request signature can never be replayed as a response one (or as any other sr25519 message). */
export const REQUEST_DOMAIN = 'webtensor/query/1.0.0/request'
export const RESPONSE_DOMAIN = 'webtensor/query/1.0.0/response'

/** Default cap on a request or response body: 1 MiB holds an image or a long prompt; larger tasks should raise it per subnet. */
export const MAX_BODY_BYTES = 1024 * 1024

/** Everything in a message besides the body: netuid, two hotkeys, nonce, deadline, hashes, signature, length prefixes (~240 bytes; rounded up). */
export const MESSAGE_OVERHEAD_BYTES = 512

/** Default query timeout: a remote hang-up is noticed only after 7.5–9.2 s (notes, trap 9), so every query times out by itself. */
export const TIMEOUT_MS = 10_000

/**
 * A request whose deadline is further ahead than this is refused (DeadlineTooFar). It bounds how long a signed request
 * stays usable, so a replayed one is either caught by the nonce window or already expired.
 */
export const MAX_DEADLINE_AHEAD_MS = 5 * 60_000

/** Nonces accepted out of order below a validator's highest one: covers a pool of parallel streams and a few retries. */
export const REPLAY_WINDOW = 1024

/** Validators whose nonce state the miner remembers (least recently seen forgotten first); only permit holders get in. */
export const MAX_TRACKED_VALIDATORS = 4096
