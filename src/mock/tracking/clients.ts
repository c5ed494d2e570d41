import { codePoints, INVALID_JSON, isIdList, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { containsText, INVALID_SINCE, listed, sinceOf } from '../listing.ts'
import type { MockClient } from '../model.ts'
import { isFree, PREMIUM_ONLY } from '../plans.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'
import { clientView } from '../views.ts'
import { entityIn, myWorkspaceIds, workspaceOf, type WorkspaceCall } from '../workspace-calls.ts'

// Toggl does not publish its maximum; the fake takes 100.
const MAX_NAME_LENGTH = 100
const STATUSES = ['active', 'archived', 'both']

const byName = (a: MockClient, b: MockClient) => a.name.localeCompare(b.name) || a.id - b.id
const notFound = (call: ApiCall) => errorReply(404, `No client with ID ${call.params[1]} was found`)

/** `GET /workspaces/{wid}/clients`: `status` active (default), archived or both; `name` a part of it, any case. */
function listClients(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(403, 'Forbidden'))
  if ('status' in found) return found
  const status = call.query.get('status') || 'active'
  if (!STATUSES.includes(status)) return errorReply(400, 'Client status is invalid')
  const clients = [...call.state.clients.values()]
    .filter((client) => client.deletedAt === null && client.workspaceId === found.workspace.id)
    .filter((client) => status === 'both' || client.archived === (status === 'archived'))
    .filter((client) => containsText(client.name, call.query.get('name')))
    .sort(byName)
  return jsonReply(200, clients.map(clientView))
}

interface ClientPayload {
  name: string
  notes?: string | null
  externalReference?: string | null
}

/** The checked body of a POST or PUT (`name` required), or the 400 message. */
function clientPayload(call: ApiCall, current: MockClient | undefined): ClientPayload | { problem: string } {
  const payload = parseJsonObject(call.body)
  if (!payload) return { problem: INVALID_JSON }
  const { name = current?.name ?? '', notes, external_reference: externalReference } = payload
  const optionalText = (value: unknown) => value === undefined || value === null || typeof value === 'string'
  if (typeof name !== 'string' || !optionalText(notes) || !optionalText(externalReference)) return { problem: INVALID_JSON }
  if (name.trim() === '') return { problem: 'Client name cannot be empty' }
  if (codePoints(name) > MAX_NAME_LENGTH) return { problem: `Client name maximum length is ${MAX_NAME_LENGTH}` }
  return {
    name,
    ...(notes === undefined ? {} : { notes: notes as string | null }),
    ...(externalReference === undefined ? {} : { externalReference: externalReference as string | null }),
  }
}

/** `POST /workspaces/{wid}/clients` `{ name, notes?, external_reference? }` */
function createClient(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(403, 'Forbidden'))
  if ('status' in found) return found
  const payload = clientPayload(call, undefined)
  if ('problem' in payload) return errorReply(400, payload.problem)
  const client = call.state.addClient({ workspaceId: found.workspace.id, ...payload, creatorId: call.account.id }, call.account.id)
  return jsonReply(200, clientView(client))
}

function clientOf(call: ApiCall, found: WorkspaceCall): MockClient | undefined {
  return entityIn(call.state.clients, call.params[1], found.workspace)
}

/** `GET /workspaces/{wid}/clients/{cid}` */
function getClient(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(403, 'Forbidden'))
  if ('status' in found) return found
  const client = clientOf(call, found)
  return client ? jsonReply(200, clientView(client)) : notFound(call)
}

/** `PUT /workspaces/{wid}/clients/{cid}`: name and notes (archiving has its own calls). */
function updateClient(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(403, 'Forbidden'))
  if ('status' in found) return found
  const client = clientOf(call, found)
  if (!client) return errorReply(404, "Client doesn't exist in the workspace.")
  const payload = clientPayload(call, client)
  if ('problem' in payload) return errorReply(400, payload.problem)
  call.state.update('client', client, payload, call.account.id)
  return jsonReply(200, clientView(client))
}

/** `DELETE /workspaces/{wid}/clients/{cid}`: its projects stay, without a client; answers the client's id. */
function deleteClient(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(403, 'Forbidden'))
  if ('status' in found) return found
  const client = clientOf(call, found)
  if (!client) return notFound(call)
  call.state.remove('client', client, call.account.id)
  return jsonReply(200, client.id)
}

/** `POST …/clients/{cid}/archive`: paid plans only; archives its active projects too and answers their ids. */
function archiveClient(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(403, 'Forbidden'))
  if ('status' in found) return found
  if (isFree(found.organization)) return errorReply(402, PREMIUM_ONLY)
  const client = clientOf(call, found)
  if (!client) return notFound(call)
  const archived: number[] = []
  for (const project of call.state.projects.values()) {
    if (project.deletedAt !== null || project.clientId !== client.id || !project.active) continue
    call.state.update('project', project, { active: false }, call.account.id)
    archived.push(project.id)
  }
  if (!client.archived) call.state.update('client', client, { archived: true }, call.account.id)
  return jsonReply(200, archived)
}

/**
 * `POST …/clients/{cid}/restore` `{ projects?, restore_all_projects? }`: the client, and all or the
 * named of its projects, active again. A named project of another client is refused (the wording is the fake's).
 */
function restoreClient(call: ApiCall): Reply {
  const found = workspaceOf(call, errorReply(403, 'Forbidden'))
  if ('status' in found) return found
  const client = clientOf(call, found)
  if (!client) return notFound(call)
  const payload = call.body.trim() === '' ? {} : parseJsonObject(call.body)
  if (!payload) return errorReply(400, INVALID_JSON)
  const { projects: named = [], restore_all_projects: all = false } = payload
  if (!isIdList(named) || typeof all !== 'boolean') return errorReply(400, INVALID_JSON)
  const own = [...call.state.projects.values()].filter((project) => project.deletedAt === null && project.clientId === client.id)
  const stranger = named.find((id) => !own.some((project) => project.id === id))
  if (stranger !== undefined) return errorReply(400, `Project ${stranger} does not belong to client ${client.id}`)
  if (client.archived) call.state.update('client', client, { archived: false }, call.account.id)
  for (const project of own) {
    if (project.active || !(all || named.includes(project.id))) continue
    call.state.update('project', project, { active: true }, call.account.id)
  }
  return jsonReply(200, clientView(client))
}

/** `GET /me/clients`: the clients of every workspace the caller is in; `since` adds deleted ones. */
function myClients(call: ApiCall): Reply {
  const since = sinceOf(call.query)
  if (since === null) return errorReply(400, INVALID_SINCE)
  const workspaces = myWorkspaceIds(call)
  const clients = [...call.state.clients.values()].filter((client) => workspaces.has(client.workspaceId) && listed(client, since)).sort(byName)
  return jsonReply(200, clients.map(clientView))
}

export const CLIENT_ROUTES = [
  { pattern: /^\/me\/clients$/, handlers: new Map([['GET', myClients]]) },
  {
    pattern: /^\/workspaces\/(\d+)\/clients$/,
    handlers: new Map([
      ['GET', listClients],
      ['POST', createClient],
    ]),
  },
  {
    pattern: /^\/workspaces\/(\d+)\/clients\/([^/]+)$/,
    handlers: new Map([
      ['GET', getClient],
      ['PUT', updateClient],
      ['DELETE', deleteClient],
    ]),
  },
  { pattern: /^\/workspaces\/(\d+)\/clients\/([^/]+)\/archive$/, handlers: new Map([['POST', archiveClient]]) },
  { pattern: /^\/workspaces\/(\d+)\/clients\/([^/]+)\/restore$/, handlers: new Map([['POST', restoreClient]]) },
] satisfies Route[]
