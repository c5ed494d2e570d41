import type { OrganizationEndpoint } from '../../src/index.ts'
import type { IntendedRequest } from './client.ts'

export type CallName = 'get' | 'add' | 'edit' | 'collect' | 'delete'

/** One panel's call: what it would send, and how to make it from the panel's inputs. */
export interface CallDefinition {
  request(inputs: FormData): IntendedRequest
  invoke(endpoint: OrganizationEndpoint, inputs: FormData): Promise<unknown>
}

export const CALLS: Record<CallName, CallDefinition> = {
  get: {
    request: (inputs) => ({ method: 'GET', path: `/organizations/${text(inputs, 'id')}` }),
    invoke: (endpoint, inputs) => endpoint.get(idFrom(inputs), { refresh: inputs.has('refresh') }),
  },
  add: {
    request: () => ({ method: 'POST', path: '/organizations' }),
    invoke: (endpoint, inputs) => endpoint.add(text(inputs, 'name'), text(inputs, 'workspace') || undefined),
  },
  edit: {
    request: (inputs) => ({ method: 'PUT', path: `/organizations/${text(inputs, 'id')}` }),
    invoke: (endpoint, inputs) => endpoint.edit(idFrom(inputs), text(inputs, 'name')),
  },
  collect: {
    request: () => ({ method: 'GET', path: '/me/organizations' }),
    invoke: (endpoint, inputs) => endpoint.collect({ refresh: inputs.has('refresh') }),
  },
  delete: {
    request: (inputs) => ({ method: 'DELETE', path: `/organizations/${text(inputs, 'id')}/users/leave` }),
    invoke: (endpoint, inputs) => endpoint.delete(idFrom(inputs)),
  },
}

export function isCallName(value: string): value is CallName {
  return Object.hasOwn(CALLS, value)
}

function text(inputs: FormData, field: string): string {
  const value = inputs.get(field)
  return typeof value === 'string' ? value : ''
}

/**
 * Digits become a number; anything else goes to the library as typed, so its own InputError
 * shows what it refuses (the cast is that demonstration, not a shortcut).
 */
export function idFrom(inputs: FormData): number {
  const raw = text(inputs, 'id').trim()
  return /^\d+$/.test(raw) ? Number(raw) : (raw as unknown as number)
}
