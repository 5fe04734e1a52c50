import "reflect-metadata";
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { buildFederatedSchema, inTransaction, Role, SubgraphModule, Viewer } from "../../src";

export interface SlowContext {
  viewer: Viewer;
  dataSource: DataSource;
}

/** A test-only subgraph: the smallest resolvers that run slow SQL, read and write. */
@Resolver()
class SlowSqlResolver {
  @Query(() => Int, { description: "Sleeps in PostgreSQL for `ms`, then returns it." })
  async sleepInDatabase(@Arg("ms", () => Int) ms: number, @Ctx() ctx: SlowContext): Promise<number> {
    await ctx.dataSource.query("SELECT pg_sleep($1)", [ms / 1000]);
    return ms;
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => Int, { description: "Sleeps in PostgreSQL for `ms` inside a mutation's transaction." })
  async sleepInTransaction(@Arg("ms", () => Int) ms: number, @Ctx() ctx: SlowContext): Promise<number> {
    await inTransaction(ctx.dataSource, (manager) => manager.query("SELECT pg_sleep($1)", [ms / 1000]));
    return ms;
  }

  @Query(() => String, { description: "The serving connection's statement_timeout." })
  async statementTimeout(@Ctx() ctx: SlowContext): Promise<string> {
    const rows: { statement_timeout: string }[] = await ctx.dataSource.query("SHOW statement_timeout");
    return rows[0].statement_timeout;
  }
}

/** A migration in the usual per-migration transaction that takes longer than the test timeout. */
export class SlowMigrationInTransaction1800000000000 implements MigrationInterface {
  name = "SlowMigrationInTransaction1800000000000";
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("SELECT pg_sleep(0.6)");
    await queryRunner.query("CREATE TABLE slow_step (step text NOT NULL)");
    await queryRunner.query("INSERT INTO slow_step VALUES ('migration in transaction')");
  }
  async down(): Promise<void> {}
}

/** The same outside any transaction (e.g. CREATE INDEX CONCURRENTLY). */
class SlowMigrationOutsideTransaction1800000000001 implements MigrationInterface {
  name = "SlowMigrationOutsideTransaction1800000000001";
  transaction = false;
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("SELECT pg_sleep(0.6)");
    await queryRunner.query("INSERT INTO slow_step VALUES ('migration outside transaction')");
  }
  async down(): Promise<void> {}
}

export const slowSubgraph: SubgraphModule<SlowContext> = {
  name: "stmt-timeout",
  entities: [],
  migrations: [SlowMigrationInTransaction1800000000000, SlowMigrationOutsideTransaction1800000000001],
  buildSchema: () => buildFederatedSchema({ resolvers: [SlowSqlResolver] }),
  createContext: (viewer, dataSource) => ({ viewer, dataSource }),
  async seedIfEmpty(dataSource) {
    await dataSource.query("SELECT pg_sleep(0.6)");
    await dataSource.query("INSERT INTO slow_step VALUES ('seed')");
  },
};

