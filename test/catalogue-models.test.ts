import { describe, expect, it } from 'vitest'
import { cacheGuardOf } from '../src/endpoints/cache-guard.ts'
import type { CacheScope } from '../src/endpoints/base.ts'
import { CATALOGUE_GROUPS, findModel, forgetWorkspaceModels, putModels, settleModels, staleWhere, storeModels, batchOf } from '../src/endpoints/models.ts'
import { CLIENT_MODEL, PROJECT_MODEL, TAG_MODEL, TASK_MODEL, WORKSPACE_MODEL } from '../src/endpoints/tracking/catalogue.ts'
import { MemoryCache, ProjectEndpoint } from '../src/index.ts'
import type { TogglProject } from '../src/schemas/tracking/projects.ts'
import { startCatalogue } from './support/catalogue.ts'

const scopeOf = (cache = new MemoryCache()): CacheScope => ({ cache, partition: 'p', guard: cacheGuardOf(cache, 'p') })
const project = (id: number, workspace_id: number, client_id: number | null = null): TogglProject => ({ id, workspace_id, client_id, name: `P${id}`, active: true })

describe('the catalogue’s models', () => {
  it('are filed by their workspace (a workspace by its own id), in the groups CATALOGUE_GROUPS names', () => {
    expect([WORKSPACE_MODEL, PROJECT_MODEL, CLIENT_MODEL, TAG_MODEL, TASK_MODEL].map(({ name }) => name)).toEqual([...CATALOGUE_GROUPS])
    expect(WORKSPACE_MODEL.order({ id: 7, name: 'W', organization_id: 1 })).toBe(7)
    expect(PROJECT_MODEL.order(project(1, 7))).toBe(7)
    expect(CLIENT_MODEL.order({ id: 1, wid: 7, name: 'C' })).toBe(7)
    expect(TAG_MODEL.order({ id: 1, workspace_id: 7, name: 'T' })).toBe(7)
    expect(TASK_MODEL.order({ id: 1, workspace_id: 7, project_id: 2, name: 'T', active: true })).toBe(7)
  })

  it('forgetting a workspace drops its models of every kind and no other workspace’s', async () => {
    const scope = scopeOf()
    await putModels(scope, WORKSPACE_MODEL, [{ id: 7, name: 'W', organization_id: 1 }, { id: 8, name: 'X', organization_id: 1 }])
    await putModels(scope, PROJECT_MODEL, [project(1, 7), project(2, 8)])
    await putModels(scope, TAG_MODEL, [{ id: 3, workspace_id: 7, name: 'T' }])
    await forgetWorkspaceModels(scope, [7])
    expect((await scope.cache.keys('p')).sort()).toEqual(['project:2', 'workspace:8'])
  })

  it('a read stores live models and drops the deleted ones a since listing shows', async () => {
    const scope = scopeOf()
    await putModels(scope, PROJECT_MODEL, [project(1, 7), project(2, 7)])
    await storeModels(scope, [batchOf(PROJECT_MODEL, [{ ...project(1, 7), name: 'New' }, { ...project(2, 7), server_deleted_at: '2024-12-16T12:00:00Z' }])])
    expect(await findModel(scope, PROJECT_MODEL, 1)).toMatchObject({ name: 'New' })
    expect(await findModel(scope, PROJECT_MODEL, 2)).toBeUndefined()
  })

  it('a write stores what it answered and drops what it made stale, only when it ran alone and succeeded', async () => {
    const scope = scopeOf()
    const seed = () => putModels(scope, PROJECT_MODEL, [project(1, 7, 5), project(2, 7, 5), project(3, 7, 6), project(4, 8, 5)])
    await seed()
    const stale = [staleWhere(PROJECT_MODEL, 7, (model) => model.client_id === 5)]
    await settleModels(scope, { alone: true, value: 'ok' }, [batchOf(PROJECT_MODEL, [{ ...project(1, 7, 5), name: 'Answered' }])], stale)
    expect((await scope.cache.keys('p')).sort()).toEqual(['project:1', 'project:3', 'project:4'])
    expect(await findModel(scope, PROJECT_MODEL, 1)).toMatchObject({ name: 'Answered' })
    await seed()
    await settleModels(scope, { alone: false, value: 'ok' }, [batchOf(PROJECT_MODEL, [project(3, 7, 6)])], [{ kind: PROJECT_MODEL, ids: [4] }])
    expect((await scope.cache.keys('p')).sort()).toEqual(['project:1', 'project:2'])
  })

  it('a since listing through the endpoint drops the model of a project deleted since', async () => {
    const { fake, ws, demo } = await startCatalogue()
    const projects = fake.endpoint(ProjectEndpoint, new MemoryCache())
    const gone = fake.mock.state.addProject({ workspaceId: ws.id, name: 'Gone' })
    await projects.get(ws.id, gone.id)
    fake.mock.state.remove('project', gone, demo.id)
    const changed = await projects.collect(ws.id, { since: 0 })
    expect(changed).toEqual([expect.objectContaining({ id: gone.id, server_deleted_at: expect.any(String) })])
    expect(await projects.get(ws.id, gone.id)).toBeNull()
  })
})
