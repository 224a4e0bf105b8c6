// The devnet runtime: subtensor's pallets at subtensor's indices, assembled into one RuntimeCall/RuntimeEvent/RuntimeError.
import { defineRuntime } from './framework/runtime.ts'
import { setRuntime } from './runtimeRef.ts'
import { System, setRuntimeVersion } from './pallets/system/index.ts'
import { Timestamp } from './pallets/timestamp/index.ts'
import { Aura } from './pallets/aura/index.ts'
import { Grandpa } from './pallets/grandpa/index.ts'
import { Balances } from './pallets/balances/index.ts'
import { TransactionPayment } from './pallets/transaction-payment/index.ts'
import { Utility } from './pallets/utility/index.ts'
import { Sudo } from './pallets/sudo/index.ts'
import { SubtensorModule } from './pallets/subtensor/index.ts'
import { Commitments } from './pallets/commitments/index.ts'
import { AdminUtils } from './pallets/admin-utils/index.ts'
import { Swap } from './pallets/swap/index.ts'
import { runtimeVersion } from './config.ts'
import { runtimeApis, apisList } from './runtime-api/index.ts'

export const runtime = defineRuntime({
  pallets: [System, Timestamp, Aura, Grandpa, Balances, TransactionPayment, SubtensorModule, Utility, Sudo, Commitments, AdminUtils, Swap],
  crate: 'node_subtensor_runtime',
})
setRuntime(runtime)

export const VERSION = runtimeVersion(apisList(runtimeApis))
setRuntimeVersion(VERSION)

export type DevnetRuntime = typeof runtime
