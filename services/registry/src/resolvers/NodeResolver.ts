import { asNode, BadUserInputError, callerAuthorization, classifyNodeId, findNodeTypes, Node, CacheHint } from "@camau/shared";
import { Arg, Ctx, ID, Query, Resolver, Directive } from "type-graphql";
import { In, ObjectLiteral, Repository } from "typeorm";
import { RegistryContext } from "../context";
import { AdministrativeUnit } from "../entities/AdministrativeUnit";
import { Classification } from "../entities/Classification";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { CooperativeUnion } from "../entities/CooperativeUnion";
import { Member } from "../entities/Member";
import { Sector } from "../entities/Sector";
import { REPORT_TYPENAME, reportKeyOf } from "../report/reportId";
import { canListMembersOf } from "../access";
import { REMOTE_NODE_TYPES } from "./remoteNodeTypes";

/** Most ids one `nodes` call resolves, like a page. */
const MAX_IDS = 100;

type Found = Node & { __typename: string };

/** The registry's own objects stored under UUIDs, with who may read each through `node` (as through the field that lists it). */
const LOCAL_TYPES: { typename: string; repository: (ctx: RegistryContext) => Repository<ObjectLiteral>; visible: (ctx: RegistryContext, row: ObjectLiteral) => boolean }[] = [
  { typename: "Cooperative", repository: (ctx) => ctx.dataSource.getRepository(Cooperative), visible: () => true },
  { typename: "CooperativeGroup", repository: (ctx) => ctx.dataSource.getRepository(CooperativeGroup), visible: () => true },
  { typename: "CooperativeUnion", repository: (ctx) => ctx.dataSource.getRepository(CooperativeUnion), visible: () => true },
  { typename: "Classification", repository: (ctx) => ctx.dataSource.getRepository(Classification), visible: () => true },
  { typename: "AdministrativeUnit", repository: (ctx) => ctx.dataSource.getRepository(AdministrativeUnit), visible: () => true },
  { typename: "Sector", repository: (ctx) => ctx.dataSource.getRepository(Sector), visible: () => true },
  // Members of a cooperative are listed to officers, fund staff and its own manager; a group's members (no cooperative) to the reader roles.
  { typename: "Member", repository: (ctx) => ctx.dataSource.getRepository(Member), visible: (ctx, m) => canListMembersOf(ctx.viewer, (m as Member).cooperativeId) },
];

/**
 * Global object identification. A UUID is looked up among the registry's objects, then asked of
 * the subgraphs owning the other node types (on the caller's behalf); the report's id names its
 * key. An id the caller may not read through the owning field gives null here too.
 */
@Resolver()
export class NodeResolver {
  // Any object, and only those the caller may read: the answer is the caller's.
  @Directive(CacheHint.restricted)
  @Query(() => Node, { nullable: true, description: "The object with this id, whatever its type (global object identification); null when there is none or when the caller may not read it." })
  async node(@Arg("id", () => ID, { description: "An `id` this API gave out." }) id: string, @Ctx() ctx: RegistryContext): Promise<Found | null> {
    return (await resolveNodes([id], ctx))[0];
  }

  @Directive(CacheHint.restricted)
  @Query(() => [Node], { nullable: "items", description: "The objects with these ids, in the same order (at most 100); null for an id with no object or one the caller may not read." })
  async nodes(@Arg("ids", () => [ID], { description: "Ids this API gave out." }) ids: string[], @Ctx() ctx: RegistryContext): Promise<(Found | null)[]> {
    if (ids.length > MAX_IDS) throw new BadUserInputError(`ids: at most ${MAX_IDS} ids`, [{ path: "ids", message: `at most ${MAX_IDS} ids` }]);
    return resolveNodes(ids, ctx);
  }
}

async function resolveNodes(ids: readonly string[], ctx: RegistryContext): Promise<(Found | null)[]> {
  const kinds = ids.map(classifyNodeId);
  const uuids = [...new Set(kinds.flatMap((k) => (k.kind === "uuid" ? [k.uuid] : [])))];
  const found = new Map<string, Found>();
  await Promise.all(
    LOCAL_TYPES.map(async (type) => {
      if (!uuids.length) return;
      for (const row of await type.repository(ctx).findBy({ id: In(uuids) })) {
        if (type.visible(ctx, row)) found.set(row.id as string, asNode(type.typename, row as Node));
      }
    }),
  );
  const remaining = uuids.filter((id) => !found.has(id));
  const authorization = callerAuthorization(ctx);
  await Promise.all(
    Object.entries(REMOTE_NODE_TYPES).map(async ([subgraph, typenames]) => {
      if (!remaining.length) return;
      for (const [id, typename] of await findNodeTypes(subgraph, typenames, remaining, authorization)) found.set(id, { __typename: typename, id });
    }),
  );
  return kinds.map((k, index) => {
    if (k.kind === "uuid") return found.get(k.uuid) ?? null;
    if (k.kind === "global" && k.typename === REPORT_TYPENAME) {
      const key = reportKeyOf(ids[index]);
      return key ? ({ __typename: REPORT_TYPENAME, ...key } as unknown as Found) : null;
    }
    return null;
  });
}
