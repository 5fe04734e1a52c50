import { IsOptional, MaxLength } from "class-validator";
import { Arg, Args, Authorized, ClassType, Ctx, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from "type-graphql";
import { DataSource } from "typeorm";
import { Role } from "../auth/roles";
import { Viewer } from "../auth/viewer";
import { BadUserInputError } from "../graphql/errors";
import { PageArgs, PageInfo, paginate } from "../graphql/pagination";
import { DateTimeScalar } from "../graphql/scalars";
import { AuditEntry } from "./AuditEntry";

/** What the audit-log query needs of a subgraph's request context. */
export interface AuditContext {
  viewer: Viewer;
  dataSource: DataSource;
}

@InputType({ description: "Filters of the audit log; all given conditions must hold." })
export class AuditEntryFilter {
  @Field(() => String, { nullable: true, description: "Type of the record changed, e.g. Cooperative." })
  @IsOptional()
  @MaxLength(60)
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the record changed." })
  @IsOptional()
  @MaxLength(100)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: "Who made the changes (token subject)." })
  @IsOptional()
  @MaxLength(255)
  subject?: string | null;

  @Field(() => String, { nullable: true, description: "The mutation, e.g. updateCooperative." })
  @IsOptional()
  @MaxLength(100)
  operation?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Changes made at or after this instant." })
  @IsOptional()
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Changes made before this instant (exclusive)." })
  @IsOptional()
  to?: Date | null;
}

@Directive("@shareable")
@ObjectType({ description: "One audit entry in a page, with its cursor." })
export class AuditEntryEdge {
  @Field({ description: "Opaque cursor of this entry, for `after` / `before`." })
  cursor: string;

  @Field(() => AuditEntry, { description: "The audit entry." })
  node: AuditEntry;
}

@Directive("@shareable")
@ObjectType({ description: "A page of the audit log, newest first (Relay connection)." })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: "The entries of this page, newest first." })
  edges: AuditEntryEdge[];

  @Field(() => PageInfo, { description: "Cursors and whether more pages exist." })
  pageInfo: PageInfo;

  readonly countAll: () => Promise<number>;

  @Field(() => Int, { description: "Number of entries matching the filter, across all pages." })
  totalCount(): Promise<number> {
    return this.countAll();
  }
}

/** Reads one subgraph's audit log, newest first (ADMIN only). */
export async function findAuditEntries(dataSource: DataSource, filter: AuditEntryFilter | null, page: PageArgs) {
  const f = filter ?? {};
  if (f.from && f.to && f.from > f.to) throw new BadUserInputError("filter.to cannot be before filter.from", [{ path: "filter.to", message: "cannot be before from" }]);
  const qb = dataSource.getRepository(AuditEntry).createQueryBuilder("a");
  if (f.entityType) qb.andWhere("a.entity_type = :entityType", { entityType: f.entityType });
  if (f.entityId) qb.andWhere("a.entity_id = :entityId", { entityId: f.entityId.toLowerCase() });
  if (f.subject) qb.andWhere("a.actor_subject = :subject", { subject: f.subject });
  if (f.operation) qb.andWhere("a.operation = :operation", { operation: f.operation });
  if (f.from) qb.andWhere("a.occurred_at >= :from", { from: f.from });
  if (f.to) qb.andWhere("a.occurred_at < :to", { to: f.to });
  const result = await paginate(qb, page, [{ expression: "a.occurred_at", direction: "DESC", valueOf: (a) => a.occurredAt.toISOString() }], "a.id");
  return { edges: result.edges, pageInfo: result.pageInfo, countAll: result.totalCount } as unknown as AuditEntryConnection;
}

const resolvers = new Map<string, ClassType>();

/** Name of a subgraph's audit-log query: `registryAuditLog`, `outreachAuditLog`, `fundAuditLog`, `tradeAuditLog`. */
export function auditLogQueryName(service: string): string {
  return `${service}AuditLog`;
}

/**
 * The resolver of one subgraph's audit-log query, `<service>AuditLog(filter, first, after, last,
 * before)`. Each subgraph has its own query name (a root field defined by several subgraphs would
 * be routed to any one of them), over the same shareable AuditEntry types. ADMIN only: anonymous
 * callers get UNAUTHENTICATED, every other role FORBIDDEN.
 */
export function auditLogResolver(service: string): ClassType {
  const existing = resolvers.get(service);
  if (existing) return existing;

  @Resolver()
  class AuditLogResolver {
    @Authorized(Role.ADMIN)
    @Query(() => AuditEntryConnection, {
      name: auditLogQueryName(service),
      description: `The ${service} service's audit log, newest first: every change its mutations made, with who, when and the values before and after (personal data redacted). ADMIN only.`,
    })
    auditLog(
      @Arg("filter", () => AuditEntryFilter, { nullable: true, description: "Conditions the entries must meet." }) filter: AuditEntryFilter | null,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() ctx: AuditContext,
    ): Promise<AuditEntryConnection> {
      return findAuditEntries(ctx.dataSource, filter, page);
    }
  }
  Object.defineProperty(AuditLogResolver, "name", { value: `${service[0].toUpperCase()}${service.slice(1)}AuditLogResolver` });
  resolvers.set(service, AuditLogResolver);
  return AuditLogResolver;
}
