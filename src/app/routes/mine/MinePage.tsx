// Mining from this tab: pick a subnet and a model, register a hotkey, and answer validators over WebRTC.
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'

export default function MinePage() {
  return (
    <>
      <PageHeading title="Mine">
        Serve a model from this tab. Inference runs in a Web Worker (WebGPU, or WebAssembly where there is no GPU) and
        validators reach you peer to peer.
      </PageHeading>
      <EmptyState title="Not mining">
        <p>
          Choose a subnet and a model here, create or unlock a hotkey, register it, and this tab will announce its peer
          address on chain and answer validators' queries. Requests served, latency, the inference backend in use and
          your incentive will be shown live.
        </p>
      </EmptyState>
    </>
  )
}
