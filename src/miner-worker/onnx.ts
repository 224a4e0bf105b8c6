// Reads and writes ONNX model files through a small subset of onnx.proto (protobufjs reflection), so a file that is
// not a model is refused with a message before onnxruntime sees it, and its input/output signature can be checked.
import * as protobufNamespace from 'protobufjs/light.js'
import type { Dim, TensorSpec, TensorType } from './signature.ts'

// protobufjs is CommonJS: Node's ESM loader hands its exports over as `default`, bundlers as the namespace.
const protobuf = ((protobufNamespace as unknown as { default?: typeof protobufNamespace }).default ?? protobufNamespace) as typeof protobufNamespace

const field = (type: string, id: number, rule?: 'repeated') => (rule ? { type, id, rule } : { type, id })

/**
 * The parts of onnx/onnx.proto (IR version 10) that webtensor reads or writes; field numbers and types as upstream.
 * Every other field of a real model is skipped by the decoder as an unknown field.
 */
export const ONNX_DESCRIPTOR = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            irVersion: field('int64', 1),
            producerName: field('string', 2),
            producerVersion: field('string', 3),
            domain: field('string', 4),
            modelVersion: field('int64', 5),
            docString: field('string', 6),
            graph: field('GraphProto', 7),
            opsetImport: field('OperatorSetIdProto', 8, 'repeated'),
          },
        },
        OperatorSetIdProto: { fields: { domain: field('string', 1), version: field('int64', 2) } },
        GraphProto: {
          fields: {
            node: field('NodeProto', 1, 'repeated'),
            name: field('string', 2),
            initializer: field('TensorProto', 5, 'repeated'),
            docString: field('string', 10),
            input: field('ValueInfoProto', 11, 'repeated'),
            output: field('ValueInfoProto', 12, 'repeated'),
          },
        },
        NodeProto: {
          fields: {
            input: field('string', 1, 'repeated'),
            output: field('string', 2, 'repeated'),
            name: field('string', 3),
            opType: field('string', 4),
            attribute: field('AttributeProto', 5, 'repeated'),
            domain: field('string', 7),
          },
        },
        AttributeProto: {
          fields: {
            name: field('string', 1),
            f: field('float', 2),
            i: field('int64', 3),
            s: field('bytes', 4),
            t: field('TensorProto', 5),
            floats: field('float', 7, 'repeated'),
            ints: field('int64', 8, 'repeated'),
            type: field('int32', 20),
          },
        },
        TensorProto: {
          fields: {
            dims: field('int64', 1, 'repeated'),
            dataType: field('int32', 2),
            floatData: field('float', 4, 'repeated'),
            int32Data: field('int32', 5, 'repeated'),
            int64Data: field('int64', 7, 'repeated'),
            name: field('string', 8),
            rawData: field('bytes', 9),
          },
        },
        ValueInfoProto: { fields: { name: field('string', 1), type: field('TypeProto', 2) } },
        TypeProto: {
          fields: { tensorType: field('TypeProtoTensor', 1) },
        },
        TypeProtoTensor: { fields: { elemType: field('int32', 1), shape: field('TensorShapeProto', 2) } },
        TensorShapeProto: { fields: { dim: field('Dimension', 1, 'repeated') } },
        Dimension: {
          oneofs: { value: { oneof: ['dimValue', 'dimParam'] } },
          fields: { dimValue: field('int64', 1), dimParam: field('string', 2), denotation: field('string', 3) },
        },
      },
    },
  },
}

let modelType: protobuf.Type | undefined
const ModelProto = () => (modelType ??= protobuf.Root.fromJSON(ONNX_DESCRIPTOR).lookupType('onnx.ModelProto'))

/** ONNX TensorProto.DataType → the tensor type names onnxruntime uses. */
export const ONNX_ELEMENT_TYPES: Record<number, TensorType> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool',
  10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64',
}
export const onnxElementType = (t: TensorType): number =>
  Number(Object.entries(ONNX_ELEMENT_TYPES).find(([, name]) => name === t)?.[0] ?? 0)

/** int64 fields decode as Long objects (protobufjs with `long` installed) or numbers. */
const num = (v: unknown): number =>
  typeof v === 'number' ? v : v && typeof (v as { toNumber?: unknown }).toNumber === 'function' ? (v as { toNumber(): number }).toNumber() : Number(v)

export type OnnxModelInfo = {
  irVersion: number
  opsets: Array<{ domain: string; version: number }>
  producer: string
  operators: string[]
  signature: { inputs: Array<TensorSpec & { name: string }>; outputs: Array<TensorSpec & { name: string }> }
}
export type OnnxRead = { ok: true; model: OnnxModelInfo } | { ok: false; message: string }

type Decoded = {
  irVersion?: unknown
  producerName?: string
  opsetImport?: Array<{ domain?: string; version?: unknown }>
  graph?: {
    node?: Array<{ opType?: string }>
    initializer?: Array<{ name?: string }>
    input?: ValueInfo[]
    output?: ValueInfo[]
  }
}
type ValueInfo = {
  name?: string
  type?: { tensorType?: { elemType?: number; shape?: { dim?: Array<{ dimValue?: unknown; dimParam?: string }> } } }
}

/** Parses `bytes` as an ONNX model and reads its signature; refuses, with a reason, anything that is not one. */
export function readOnnxModel(bytes: Uint8Array): OnnxRead {
  if (bytes.byteLength === 0) return { ok: false, message: 'the file is empty' }
  let m: Decoded
  try {
    m = ModelProto().decode(bytes) as unknown as Decoded
  } catch (e) {
    return { ok: false, message: `the file is not an ONNX model (it does not parse as one: ${(e as Error).message})` }
  }
  const irVersion = num(m.irVersion ?? 0)
  if (!(irVersion >= 1 && irVersion < 100)) return { ok: false, message: `the file is not an ONNX model (IR version ${irVersion})` }
  const opsets = (m.opsetImport ?? []).map((o) => ({ domain: o.domain ?? '', version: num(o.version ?? 0) }))
  if (!opsets.length) return { ok: false, message: 'the file is not an ONNX model (it imports no operator set)' }
  const graph = m.graph
  if (!graph || !graph.node?.length) return { ok: false, message: 'the ONNX file has no graph (no nodes)' }
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name))
  try {
    const inputs = (graph.input ?? []).filter((v) => !initializers.has(v.name)).map(readValueInfo)
    const outputs = (graph.output ?? []).map(readValueInfo)
    if (!inputs.length || !outputs.length) return { ok: false, message: 'the ONNX graph declares no inputs or no outputs' }
    const operators = [...new Set(graph.node.map((n) => n.opType ?? '?'))]
    return { ok: true, model: { irVersion, opsets, producer: m.producerName ?? '', operators, signature: { inputs, outputs } } }
  } catch (e) {
    return { ok: false, message: `the ONNX graph is not usable: ${(e as Error).message}` }
  }
}

function readValueInfo(v: ValueInfo): TensorSpec & { name: string } {
  const name = v.name ?? ''
  const t = v.type?.tensorType
  if (!t) throw new Error(`'${name}' is not a tensor`)
  const type = ONNX_ELEMENT_TYPES[t.elemType ?? 0]
  if (!type) throw new Error(`'${name}' has an unknown element type ${t.elemType}`)
  const dims: Dim[] = (t.shape?.dim ?? []).map((d) =>
    d.dimValue !== undefined && d.dimValue !== null && num(d.dimValue) > 0 ? num(d.dimValue) : d.dimParam || null,
  )
  return { name, type, dims }
}

// ── writing (test models, bench models) ──────────────────────────────────────────────────────────

export type NodeSpec = { op: string; inputs: string[]; outputs: string[]; attributes?: Record<string, number | number[] | { floats: number[] }> }
export type GraphSpec = {
  inputs: Array<TensorSpec & { name: string }>
  outputs: Array<TensorSpec & { name: string }>
  initializers: Array<{ name: string; dims: number[]; data: Float32Array }>
  nodes: NodeSpec[]
  opset?: number
}

const valueInfo = (t: TensorSpec & { name: string }) => ({
  name: t.name,
  type: {
    tensorType: {
      elemType: onnxElementType(t.type),
      shape: { dim: t.dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d ?? 'N' })) },
    },
  },
})

/** Encodes a graph as an ONNX model file (opset 13 by default). Integer attributes are INT/INTS, `{ floats }` FLOATS. */
export function encodeOnnxModel(g: GraphSpec): Uint8Array {
  const type = ModelProto()
  const attribute = (name: string, v: number | number[] | { floats: number[] }) =>
    Array.isArray(v) ? { name, ints: v, type: 7 } : typeof v === 'number' ? (Number.isInteger(v) ? { name, i: v, type: 2 } : { name, f: v, type: 1 }) : { name, floats: v.floats, type: 6 }
  const message = type.fromObject({
    irVersion: 8,
    producerName: 'webtensor',
    opsetImport: [{ domain: '', version: g.opset ?? 13 }],
    graph: {
      name: 'webtensor',
      node: g.nodes.map((n, i) => ({
        name: `${n.op}_${i}`,
        opType: n.op,
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v)),
      })),
      initializer: g.initializers.map((t) => ({
        name: t.name,
        dims: t.dims,
        dataType: 1,
        rawData: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength),
      })),
      input: g.inputs.map(valueInfo),
      output: g.outputs.map(valueInfo),
    },
  })
  return type.encode(message).finish()
}
