import { arr, isObj, obj, type Obj } from './importHelpers'

/** Deepest object/array nesting an example is generated to. */
const MAX_DEPTH = 6
/** Most properties generated per object. */
const MAX_PROPERTIES = 40
/** Most schema nodes visited for one example, so wide schemas stay cheap. */
const MAX_NODES = 2000

const FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00',
  email: 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'U3dhZ2dlcg==',
  password: 'password',
}

/**
 * An example value for a (dereferenced) schema: its `example`, `examples`, `default`,
 * `const` or first `enum` value, else one built from its type. Bounded in depth and width,
 * and safe on cyclic schemas (a cycle ends as null).
 */
export function schemaExample(
  schema: unknown,
  depth = 0,
  stack: unknown[] = [],
  budget = { left: MAX_NODES },
): unknown {
  if (!isObj(schema) || depth > MAX_DEPTH || stack.includes(schema) || budget.left-- <= 0)
    return null
  if ('example' in schema) return schema.example
  const examples = arr(schema.examples)
  if (examples.length > 0) return examples[0]
  if ('default' in schema) return schema.default
  if ('const' in schema) return schema.const
  const enumValues = arr(schema.enum)
  if (enumValues.length > 0) return enumValues[0]
  const inner = [...stack, schema]
  const allOf = arr(schema.allOf)
  if (allOf.length > 0) {
    const merged: Obj = {}
    for (const part of allOf) {
      const value = schemaExample(part, depth + 1, inner, budget)
      if (isObj(value)) Object.assign(merged, value)
    }
    return merged
  }
  const choice = arr(schema.oneOf)[0] ?? arr(schema.anyOf)[0]
  if (choice !== undefined) return schemaExample(choice, depth + 1, inner, budget)
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  if (type === 'object' || (type === undefined && isObj(schema.properties))) {
    const out: Obj = {}
    for (const [key, value] of Object.entries(obj(schema.properties)).slice(0, MAX_PROPERTIES)) {
      Object.defineProperty(out, key, {
        value: schemaExample(value, depth + 1, inner, budget),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  }
  if (type === 'array')
    return depth >= MAX_DEPTH ? [] : [schemaExample(schema.items, depth + 1, inner, budget)]
  if (type === 'integer') return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 0
  if (type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0
  if (type === 'boolean') return true
  if (type === 'string') {
    if (typeof schema.format === 'string' && Object.hasOwn(FORMATS, schema.format))
      return FORMATS[schema.format]
    return 'string'
  }
  return null
}

/** The first example of an OpenAPI media type or parameter (`example`, then `examples`). */
export function mediaExample(media: Obj): unknown {
  if ('example' in media) return media.example
  const first = Object.values(obj(media.examples))[0]
  if (isObj(first) && 'value' in first) return first.value
  if (isObj(first) && typeof first.externalValue === 'string') return undefined
  return schemaExample(media.schema)
}
