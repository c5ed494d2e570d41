import * as v from 'valibot'
import { IdSchema } from './common.ts'

const EntitySchema = v.string()

const PermissionSchema = v.looseObject({
  permission_id: IdSchema,
  name: v.string(),
  description: v.optional(v.nullable(v.string())),
  /** What it applies to: 'organization', 'workspace', 'project' or 'group'. */
  entity: v.optional(v.nullable(EntitySchema)),
  condition: v.optional(v.nullable(v.string())),
})

/** A role an organization's members can hold (`GET /organizations/{id}/roles`). */
export const RoleSchema = v.looseObject({
  role_id: IdSchema,
  name: v.string(),
  code: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  /** What it applies to: 'organization', 'workspace', 'project' or 'group'. */
  entity: v.optional(v.nullable(EntitySchema)),
  /** 'owner', 'admin', 'manager' or 'guest'. */
  type: v.optional(v.nullable(v.string())),
  privilege_level: v.optional(v.nullable(v.number())),
  organization_id: v.optional(v.nullable(IdSchema)),
  permissions: v.optional(v.nullable(v.array(PermissionSchema))),
})

export const RoleListSchema = v.array(RoleSchema)

export type TogglRole = v.InferOutput<typeof RoleSchema>
