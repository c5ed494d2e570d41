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
export const RoleSchema = v.looseObject({
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

export const RoleListSchema = v.array(RoleSchema)

export type TogglRole = v.InferOutput<typeof RoleSchema>
