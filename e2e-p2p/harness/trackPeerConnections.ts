// Test harness only: keeps every RTCPeerConnection the page makes, so a test can read which ICE candidate pair a WebRTC link uses. Imported before libp2p (@libp2p/webrtc reads the global once, when it loads).
export const peerConnections: RTCPeerConnection[] = []

const Native = globalThis.RTCPeerConnection
class TrackedPeerConnection extends Native {
  constructor(configuration?: RTCConfiguration) {
    super(configuration)
    peerConnections.push(this)
  }
}
globalThis.RTCPeerConnection = TrackedPeerConnection

export type CandidatePair = {
  connectionState: string
  local: { type: string; address: string; protocol: string }
  remote: { type: string; address: string; protocol: string }
  iceServers: number
}

/** The nominated candidate pair of every connected RTCPeerConnection. */
export async function selectedCandidatePairs(): Promise<CandidatePair[]> {
  const pairs: CandidatePair[] = []
  for (const pc of peerConnections) {
    if (pc.connectionState !== 'connected') continue
    const stats = await pc.getStats()
    let transport: { selectedCandidatePairId?: string } | undefined
    stats.forEach((report: { type: string }) => {
      if (report.type === 'transport') transport = report as typeof transport
    })
    const pair = transport?.selectedCandidatePairId === undefined ? undefined : (stats.get(transport.selectedCandidatePairId) as { localCandidateId: string; remoteCandidateId: string } | undefined)
    if (pair === undefined) continue
    const candidate = (id: string) => {
      const c = stats.get(id) as { candidateType: string; address?: string; ip?: string; protocol: string }
      return { type: c.candidateType, address: c.address ?? c.ip ?? '', protocol: c.protocol }
    }
    pairs.push({ connectionState: pc.connectionState, local: candidate(pair.localCandidateId), remote: candidate(pair.remoteCandidateId), iceServers: pc.getConfiguration().iceServers?.length ?? 0 })
  }
  return pairs
}
