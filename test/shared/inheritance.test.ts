import { describe, expect, it } from 'vitest'
import {
  applyInheritance,
  effectiveAuth,
  scopedVariables,
  variableValues,
  type InheritanceLevel,
} from '../../shared/logic/inheritance'
import { emptyRequest } from '../../shared/model/request'
import type { VariableRow } from '../../shared/model/variables'

const v = (name: string, value: string, extra: Partial<VariableRow> = {}): VariableRow => ({
  name,
  value,
  enabled: true,
  secret: false,
  ...extra,
})
const level = (
  name: string,
  kind: 'workspace' | 'folder',
  over: Partial<InheritanceLevel['defaults']> = {},
): InheritanceLevel => ({
  name,
  kind,
  defaults: { headers: [], auth: { type: 'inherit' }, variables: [], ...over },
})

describe('what a request inherits', () => {
  const chain = [
    level('My workspace', 'workspace', {
      headers: [{ key: 'X-Team', value: 'qa', enabled: true }],
      auth: { type: 'bearer', token: 'ws-token' },
    }),
    level('Users', 'folder', {
      headers: [
        { key: 'x-team', value: 'users-qa', enabled: true },
        { key: 'Accept', value: 'application/json', enabled: true },
      ],
      auth: { type: 'basic', username: 'u', password: 'p' },
    }),
  ]

  it('takes the nearest auth for inherit, and keeps its own otherwise', () => {
    expect(effectiveAuth({ type: 'inherit' }, chain)).toEqual({
      auth: { type: 'basic', username: 'u', password: 'p' },
      from: 'Users',
    })
    expect(effectiveAuth({ type: 'none' }, chain).auth).toEqual({ type: 'none' })
    expect(effectiveAuth({ type: 'inherit' }, [level('w', 'workspace')]).auth).toEqual({
      type: 'none',
    })
  })

  it('puts inherited headers first, the inner folder replacing the outer, the request winning', () => {
    const spec = {
      ...emptyRequest(),
      auth: { type: 'inherit' as const },
      headers: [{ key: 'ACCEPT', value: 'text/plain', enabled: true }],
    }
    const sent = applyInheritance(spec, chain)
    expect(sent.headers).toEqual([
      { key: 'x-team', value: 'users-qa', enabled: true },
      { key: 'ACCEPT', value: 'text/plain', enabled: true },
    ])
    expect(sent.auth.type).toBe('basic')
  })

  it('resolves variables globals < workspace < folder < environment < request', () => {
    const scoped = scopedVariables({
      globals: [v('a', 'global'), v('b', 'global'), v('off', 'x', { enabled: false })],
      chain: [
        level('W', 'workspace', { variables: [v('b', 'workspace'), v('c', 'workspace')] }),
        level('Users', 'folder', { variables: [v('c', 'folder'), v('d', 'folder')] }),
      ],
      environment: {
        name: 'staging',
        variables: [v('d', 'env'), v('token', 's', { secret: true })],
      },
      request: [v('e', 'request')],
    })
    expect(variableValues(scoped)).toEqual({
      a: 'global',
      b: 'workspace',
      c: 'folder',
      d: 'env',
      token: 's',
      e: 'request',
    })
    expect(scoped.get('c')).toMatchObject({ scope: 'folder', source: 'Users' })
    expect(scoped.get('token')).toMatchObject({ scope: 'environment', secret: true })
    expect(scoped.has('off')).toBe(false)
  })
})
