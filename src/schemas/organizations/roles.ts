import * as v from 'valibot'
import { IdSchema } from '../common.ts'

const EntitySchema = v.string()

const PermissionSchema = v.looseObject({
  permission_id: IdSchema,
  name: v.string(),
  description: v.nullish(v.string()),
  /** What it applies to: 'organization', 'workspace', 'project' or 'group'. */
  entity: v.nullish(EntitySchema),
  condition: v.nullish(v.string()),
})

/** A role an organization's members can hold (`GET /organizations/{id}/roles`). */
export const RoleSchema: v.GenericSchema<unknown, TogglRole> = v.looseObject({
  role_id: IdSchema,
  name: v.string(),
  code: v.nullish(v.string()),
  description: v.nullish(v.string()),
  /** What it applies to: 'organization', 'workspace', 'project' or 'group'. */
  entity: v.nullish(EntitySchema),
  /** 'owner', 'admin', 'manager' or 'guest'. */
  type: v.nullish(v.string()),
  privilege_level: v.nullish(v.number()),
  organization_id: v.nullish(IdSchema),
  permissions: v.nullish(v.array(PermissionSchema)),
})

export const RoleListSchema: v.GenericSchema<unknown[], TogglRole[]> = v.array(RoleSchema)

export interface TogglRole {
  role_id: number
  name: string
  code?: string | null | undefined
  description?: string | null | undefined
  /** What it applies to: 'organization', 'workspace', 'project' or 'group'. */
  entity?: string | null | undefined
  /** 'owner', 'admin', 'manager' or 'guest'. */
  type?: string | null | undefined
  privilege_level?: number | null | undefined
  organization_id?: number | null | undefined
  permissions?: ({ permission_id: number; name: string; description?: string | null | undefined; entity?: string | null | undefined; condition?: string | null | undefined } & { [key: string]: unknown })[] | null | undefined
  [key: string]: unknown
}
