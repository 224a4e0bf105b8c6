// Export a reference digits model to ONNX (opset 13) with protobufjs and the onnx.proto subset beside this file (pure).
//
// Graph: input 'input' float32 [N, 1, 28, 28] → the layers, one ONNX node each (Conv, Relu, MaxPool, Flatten, Gemm)
// → Softmax → output 'probabilities' float32 [N, 10]. N is symbolic, so the worker can stack queries into one run.
// Weights are initializers in raw_data (little-endian float32).

import protobuf from 'protobufjs'
import onnxProtoJson from './onnx.proto.json' with { type: 'json' }
import { DIGITS_SCHEMA } from '../schema.ts'
import type { Model } from './models.ts'
import type { Conv2d, Dense, Layer } from './nn.ts'

export const OPSET = 13
/** IR version 7 goes with opset 13 (ONNX 1.8). */
export const IR_VERSION = 7
const FLOAT = 1
const ATTR_INT = 2
const ATTR_INTS = 7

const root = protobuf.Root.fromJSON(onnxProtoJson as protobuf.INamespace)
const ModelProto = root.lookupType('onnx.ModelProto')

type Dim = number | string
const valueInfo = (name: string, dims: readonly Dim[]) => ({
  name,
  type: {
    tensor_type: {
      elem_type: FLOAT,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) },
    },
  },
})

function floatTensor(name: string, dims: readonly number[], values: Float32Array) {
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true)
  return { name, dims: [...dims], data_type: FLOAT, raw_data: bytes }
}

const intsAttr = (name: string, ints: number[]) => ({ name, type: ATTR_INTS, ints })
const intAttr = (name: string, i: number) => ({ name, type: ATTR_INT, i })

export type OnnxExportOptions = { docString?: string; metadata?: Record<string, string> }

/** The model as ONNX file bytes. */
export function exportOnnx(model: Model, options: OnnxExportOptions = {}): Uint8Array {
  const nodes: object[] = []
  const initializers: object[] = []
  let current = DIGITS_SCHEMA.input.name as string
  model.layers.forEach((layer: Layer, i) => {
    const out = `${layer.kind}${i}`
    const node = (op: string, inputs: string[], attribute: object[] = []) =>
      nodes.push({ name: `${op}_${i}`, op_type: op, input: inputs, output: [out], attribute })
    switch (layer.kind) {
      case 'conv': {
        const conv = layer as Conv2d
        initializers.push(floatTensor(conv.weight.name, conv.weight.shape, conv.weight.value))
        initializers.push(floatTensor(conv.bias.name, conv.bias.shape, conv.bias.value))
        node('Conv', [current, conv.weight.name, conv.bias.name], [intsAttr('kernel_shape', [conv.kernel, conv.kernel])])
        break
      }
      case 'dense': {
        const dense = layer as Dense
        initializers.push(floatTensor(dense.weight.name, dense.weight.shape, dense.weight.value))
        initializers.push(floatTensor(dense.bias.name, dense.bias.shape, dense.bias.value))
        node('Gemm', [current, dense.weight.name, dense.bias.name])
        break
      }
      case 'relu':
        node('Relu', [current])
        break
      case 'maxpool':
        node('MaxPool', [current], [intsAttr('kernel_shape', [2, 2]), intsAttr('strides', [2, 2])])
        break
      case 'flatten':
        node('Flatten', [current], [intAttr('axis', 1)])
        break
    }
    current = out
  })
  const output = DIGITS_SCHEMA.output.name as string
  nodes.push({ name: 'Softmax_out', op_type: 'Softmax', input: [current], output: [output], attribute: [intAttr('axis', 1)] })

  const message = ModelProto.fromObject({
    ir_version: IR_VERSION,
    producer_name: 'webtensor',
    producer_version: '1',
    doc_string: options.docString ?? `${model.recipe.id}: webtensor's reference model for the digits task`,
    opset_import: [{ domain: '', version: OPSET }],
    metadata_props: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: model.recipe.id,
      node: nodes,
      initializer: initializers,
      input: [valueInfo(DIGITS_SCHEMA.input.name, DIGITS_SCHEMA.input.dims)],
      output: [valueInfo(output, DIGITS_SCHEMA.output.dims)],
    },
  })
  return ModelProto.encode(message).finish()
}

/** Decode ONNX bytes into a plain object with onnx.proto's field names (for tests and audits; unknown fields dropped). */
export function decodeOnnx(bytes: Uint8Array): Record<string, unknown> {
  return ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, bytes: Array, defaults: false }) as Record<string, unknown>
}

/**
 * Copy the initializers of an ONNX file written by `exportOnnx` into `model`'s parameters (matched by name and
 * shape), so the JS forward pass can be checked against onnxruntime on a committed file.
 */
export function importOnnxWeights(model: Model, bytes: Uint8Array): void {
  const decoded = ModelProto.decode(bytes) as unknown as {
    graph?: { initializer?: { name?: string; dims?: unknown[]; data_type?: number; raw_data?: Uint8Array }[] }
  }
  const found = new Map((decoded.graph?.initializer ?? []).map((t) => [t.name ?? '', t]))
  for (const p of model.params) {
    const t = found.get(p.name)
    if (!t) throw new Error(`the ONNX file has no initializer '${p.name}'`)
    const dims = (t.dims ?? []).map(Number)
    if (t.data_type !== FLOAT || dims.join() !== p.shape.join()) {
      throw new Error(`initializer '${p.name}' is type ${t.data_type} [${dims.join(', ')}]; expected float32 [${p.shape.join(', ')}]`)
    }
    const raw = t.raw_data ?? new Uint8Array(0)
    if (raw.length !== p.value.length * 4) throw new Error(`initializer '${p.name}' holds ${raw.length} bytes; expected ${p.value.length * 4}`)
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength)
    for (let i = 0; i < p.value.length; i++) p.value[i] = view.getFloat32(i * 4, true)
  }
}
